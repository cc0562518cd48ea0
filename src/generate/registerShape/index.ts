// Re-exports of the register-shape writer (generate layer).
export { writeRegisterFiles } from "./writeRegisterFiles.js";
export {
  REGISTER_SHAPE_FORMATS,
  isRegisterShapeFormat,
  type RegisterShapeFormat,
  type RegisterWriteOptions,
  type RegisterWriteResult,
} from "./registerFormat.js";
export { REGISTER_SHAPES, PERSON_YEAR_COLUMN, type RegisterFileShape } from "./registerColumns.js";
