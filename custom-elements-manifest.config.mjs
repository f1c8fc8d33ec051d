// `npm run analyze`: custom-elements.json, the Lit ecosystem's manifest of every
// element, property, event and slot, for editors and documentation tools.
export default {
  globs: ['src/**/*.ts'],
  // The mock backend and the TV simulator's host page ship no elements of the app.
  exclude: ['src/mocks/**', 'src/main.ts'],
  outdir: '.',
  litelement: true,
};
