// Stands in for the 'server-only' marker package in unit tests (vitest runs modules outside React's server graph).
export {};
