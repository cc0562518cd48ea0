// Re-exports of the spc layer (filled as the layer is built).
export {};
