// Re-exports of the charts layer (filled as the layer is built).
export {};
