// Re-exports of the interop layer (filled as the layer is built).
export {};
