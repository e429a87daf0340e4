export { en, placeholders, type Messages, type MessageKey, type MessageValues, type Placeholder } from './en';
export type { Locale, HostTranslate } from './locale';
export { formatMessage, formatParts, type FormatValues, type MessagePart } from './format';
export {
  createTranslator,
  createPartsTranslator,
  messageTemplate,
  type Translate,
  type TranslateParts,
} from './translator';
export { errorMessage, errorMessageKeys, isPlainServerText } from './errorMessage';
