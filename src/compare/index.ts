// Re-exports of the compare layer (filled as the layer is built).
export {};
