import { expect } from '@open-wc/testing';
import { pickNearest, pickNext, score, type Box } from '../../src/navigation/spatial.js';

const box = (left: number, top: number, width = 100, height = 50): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('spatial choice', () => {
  // 3 x 3 grid, 100 x 50 cells, 20 px gaps.
  const grid = [0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => box(col * 120, row * 70)));

  it('moves to the neighbour in a grid, not the diagonal', () => {
    expect(pickNext(grid[4]!, grid, 'right')).to.equal(5);
    expect(pickNext(grid[4]!, grid, 'left')).to.equal(3);
    expect(pickNext(grid[4]!, grid, 'up')).to.equal(1);
    expect(pickNext(grid[4]!, grid, 'down')).to.equal(7);
  });

  it('finds nothing past the edge', () => {
    expect(pickNext(grid[2]!, grid, 'right')).to.equal(-1);
    expect(pickNext(grid[0]!, grid, 'up')).to.equal(-1);
  });

  it('uneven rows: down from a wide item goes to the item below it, then back up', () => {
    const wide = [box(0, 0, 300), box(320, 0, 300)];
    const narrow = [box(0, 100, 180), box(200, 100, 180), box(400, 100, 180)];
    const all = [...wide, ...narrow];
    expect(pickNext(wide[1]!, all, 'down')).to.equal(4);
    expect(pickNext(narrow[1]!, all, 'up')).to.equal(0);
  });

  it('prefers a nearer row over an aligned but farther one', () => {
    const from = box(0, 0);
    const near = box(150, 60);
    const far = box(0, 400);
    expect(pickNext(from, [near, far], 'down')).to.equal(0);
  });

  it('overlapping boxes: moves to the one whose centre lies ahead', () => {
    const a = box(0, 0, 200, 100);
    const b = box(150, 20, 200, 100);
    expect(score(a, b, 'right')).to.be.at.least(0);
    expect(score(b, a, 'right')).to.equal(-1);
    expect(pickNext(b, [a], 'left')).to.equal(0);
  });

  it('a neighbour in the same row is never "below", even a fraction of a pixel lower', () => {
    const from = box(0, 0);
    const beside = { left: 125, top: 0.008, right: 225, bottom: 50.008 };
    const below = box(0, 120);
    expect(pickNext(from, [beside, below], 'down')).to.equal(1);
  });

  it('nearest for focus repair stays in the same row first', () => {
    const gone = box(120, 70);
    expect(pickNearest(gone, [box(0, 70), box(120, 140), box(240, 0)])).to.equal(0);
  });
});
