// Re-exports of the io layer (filled as the layer is built).
export {};
