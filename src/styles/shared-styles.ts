/**
 * Tokens and rules every element shares: 10-foot type (sizes in rem, the root
 * size scales with the viewport, see index.html), a focus ring that is not
 * colour alone (outline + scale), and the basic controls.
 *
 * A focused list row (`li[tabindex]`, which outranks `[tabindex]:focus`) keeps
 * its ring and halo but changes nothing else (issue 10): its `z-index` change
 * made Chromium lay the row out again on every press (the ring and halo fit
 * in the gap between rows), a custom property set on it (`--mp-ring-scale`,
 * inherited) restyled every element inside it, and a halo fading in over
 * 80 ms restyled it in every frame of a key repeating every 50 ms. The reasons
 * live here, not in the css literal: comments there ship in the entry chunk.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1,
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
    font-weight: 700;
  }
  p {
    margin: 0;
  }
  a,
  button,
  input,
  [tabindex] {
    outline: none;
  }
  a,
  button,
  [tabindex] {
    transition:
      transform 80ms ease-out,
      box-shadow 80ms ease-out;
  }
  /*
   * Focus, visible from 3 m and not by colour alone: a thick outline, a dark
   * halo and a slight scale. Plain :focus (not :focus-visible, which 2019 TV
   * engines drop together with the whole rule): on a TV every focus is visible.
   * Only focusable elements are named: a bare :focus also matches every shadow
   * host with a focused descendant, which would scale whole screens and turn
   * a fixed dialog into a relative one. Off the TV, <my-page-app> sets the
   * --mp-ring-* properties to none while focus only landed or came from a
   * pointer or a tap (no key pressed since): not :focus-visible, whose rules
   * for focus moved by script differ between engines (WebKit hides it after
   * every arrow key).
   */
  a:focus,
  button:focus,
  input:focus,
  select:focus,
  textarea:focus,
  [tabindex]:focus,
  [data-nav]:focus {
    outline: var(--mp-ring-outline, 0.2rem solid var(--mp-focus, #ffd23f));
    outline-offset: 0.15rem;
    box-shadow: var(--mp-ring-halo, 0 0 0 0.45rem rgba(0, 0, 0, 0.85));
    transform: var(--mp-ring-scale, scale(1.03));
    position: relative;
    z-index: 1;
  }
  /* Wide things (list rows, fields) do not scale: 3% of a full-width row passes the 5% safe area. */
  input:focus,
  [data-nav-wide]:focus {
    transform: none;
  }
  /* List rows: see this file's header. */
  li[tabindex]:focus {
    transform: none;
    z-index: auto;
  }
  li[tabindex] {
    transition: none;
  }
  /* No scale (page.css) and no transitions. */
  @media (prefers-reduced-motion: reduce) {
    a,
    button,
    [tabindex] {
      transition: none;
    }
  }
  /* Forced colours drop box-shadows and backgrounds: the ring is an outline in the system's highlight. */
  @media (forced-colors: active) {
    a:focus,
    button:focus,
    input:focus,
    select:focus,
    textarea:focus,
    [tabindex]:focus,
    [data-nav]:focus {
      outline: 0.25rem solid Highlight;
      outline-offset: 0.15rem;
    }
    [aria-current='true'],
    [aria-current='page'] {
      border-left: 0.35rem solid CanvasText;
    }
  }
  /* Selected (where you were, the current choice) is a side bar, never the focus ring. */
  [aria-current='true'],
  [aria-current='page'] {
    box-shadow: inset 0.35rem 0 0 var(--mp-accent, #4fb3ff);
  }
  /* The colour key that does the same as this control: TV only (page.css sets --mp-tv-only). */
  .key-hint {
    display: var(--mp-tv-only, none);
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    margin-right: 0.5em;
    border: 0.08em solid rgba(255, 255, 255, 0.7);
    flex: none;
  }
  .key-hint.red {
    background: #e53935;
  }
  .key-hint.green {
    background: #43a047;
  }
  .key-hint.yellow {
    background: #fdd835;
  }
  .key-hint.blue {
    background: #1e88e5;
  }
  button,
  .button {
    font: inherit;
    font-size: 1rem;
    min-height: 2.6rem;
    padding: 0.45rem 1.2rem;
    border-radius: 0.5rem;
    border: 0.1rem solid var(--mp-line, #5b6478);
    background: var(--mp-surface-2, #2a3142);
    color: var(--mp-text, #f4f6fb);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  /* The one action a screen is for: filled with the accent, the others are outlined. */
  .primary {
    /* 5.1:1 with white: phone type is not "large" in WCAG terms, so 4.5:1 applies. */
    background: var(--mp-primary, #2670b8);
    border-color: var(--mp-primary-line, #8cc8ff);
    color: #fff;
    font-weight: 700;
  }
  button[disabled] {
    opacity: 0.55;
    cursor: default;
  }
  .muted {
    color: var(--mp-text-muted, #b9c0d0);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* Account strings can be hostile or huge: never let them break the layout. */
  .text {
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
`;

/** Label/value pairs (contract, payment method). */
/** A text field under its label, as the card form and the re-auth prompt show them. */
export const fieldStyles = css`
  label {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  input {
    font: inherit;
    font-size: 1rem;
    padding: 0.45rem 0.8rem;
    border-radius: 0.4rem;
    border: 0.1rem solid var(--mp-line, #5b6478);
    background: #fff;
    color: #111;
  }
`;

/** A modal over the page: the dimmed backdrop is the host, the box its dialog. */
export const modalStyles = css`
  :host {
    position: fixed;
    inset: 0;
    z-index: 10;
    display: flex;
    align-items: center;
    justify-content: center;
    background: rgba(5, 8, 14, 0.82);
  }
  [role='dialog'],
  [role='alertdialog'] {
    max-width: min(60rem, 90vw);
    max-height: 90vh;
    overflow: auto;
    padding: 1.5rem 2rem;
    border-radius: 0.8rem;
    background: var(--mp-surface, #1d2331);
    border: 0.1rem solid var(--mp-line, #5b6478);
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  h2 {
    font-size: 1.25rem;
  }
`;

export const detailStyles = css`
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.8rem 2rem;
    margin: 0;
  }
  dt {
    color: var(--mp-text-muted, #b9c0d0);
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
`;

/**
 * Rows of account items in <mp-account-list> (devices, payments, history, downloads, favorites).
 *
 * The position above the rows ("12 / 80") is one line of a fixed height with
 * size and layout containment: its text changes on every press, and without
 * them each new text made Chromium lay the page out from its root (12 objects
 * marked dirty per press); now it lays out that line alone (issue 10).
 * Paint containment is left out: the glyphs' box is a little taller than the
 * line, and it would clip them.
 */
export const listStyles = css`
  mp-account-list {
    display: block;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding: 0.8rem 1.2rem;
    border-radius: 0.5rem;
    background: var(--mp-surface, #1d2331);
  }
  /* One line each, so a row's height never depends on what the account sent. */
  .row-title {
    font-weight: 700;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .row-meta {
    color: var(--mp-text-muted, #b9c0d0);
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 1.5rem;
  }
  .row-meta > span {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 100%;
  }
  .summary {
    margin-bottom: 1rem;
  }
  li.with-action {
    display: flex;
    align-items: center;
    gap: 1.5rem;
  }
  li.with-action > .row-body {
    flex: 1;
    min-width: 0;
  }
  .more {
    margin-top: 1rem;
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
  } /* Where the rows are ("12 / 80"), above them, so it stays on screen while they scroll. */
  .list-position {
    text-align: right;
    color: var(--mp-text-muted, #b9c0d0);
    margin-bottom: 0.3rem;
    height: 1.35em;
    white-space: nowrap;
    contain: size layout;
  }
  /* Room inside the rows' own scroller for the focus ring and scale, without moving the rows. */
  .list-scroller[data-nav-scroller] {
    padding: 0.6rem var(--mp-ring-room, 1.4rem);
    margin: -0.6rem calc(-1 * var(--mp-ring-room, 1.4rem));
  }
  /*
   * A phone's row (390 px): every value on a line of its own, nothing cut;
   * the title may take three lines; the action sits under the values,
   * its own width, not half the row.
   */
  @media (max-width: 640px) {
    li {
      padding: 0.7rem 0.9rem;
    }
    .row-title {
      white-space: normal;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
    }
    .row-meta {
      flex-direction: column;
      gap: 0.1rem;
    }
    .row-meta > span {
      white-space: normal;
      overflow: visible;
    }
    li.with-action {
      flex-direction: column;
      align-items: stretch;
      gap: 0.5rem;
    }
    li.with-action > button,
    li.with-action > .row-actions {
      align-self: flex-end;
    }
  }
`;

/** Screens that only say why and offer one way on (identity-stop, lock): a column of text and its button. */
export const noticeStyles = css`
  .body {
    display: flex;
    flex-direction: column;
    gap: 1.2rem;
    max-width: 48rem;
    align-items: flex-start;
  }
`;
