// @uswds/uswds ships no types for its per-component behaviors.
declare module '@uswds/uswds/js/usa-banner' {
  const behavior: { on(root?: HTMLElement): void; off(root?: HTMLElement): void };
  export default behavior;
}
