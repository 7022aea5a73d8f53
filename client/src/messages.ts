/** Every message this library writes, one function each, so tests can assert on them. */

export const noWallet = () => 'No byok wallet found: is the byok extension installed and enabled on this page?';
export const aborted = () => 'The request was aborted';
export const destroyed = () => 'The session was destroyed';
export const unknownPath = (method: string, path: string) => `Unknown request to byok: ${method} ${path}`;
export const badJson = () => 'We could not parse the JSON body of your request';
export const unrecognized = (param: string) => `Unrecognized request argument supplied: ${param}`;
export const unsupported = (param: string, why = 'byok cannot honour it') => `${param} is not supported: ${why}`;
export const required = (param: string) => `${param}: field required`;
export const invalid = (param: string, expected: string) => `${param}: expected ${expected}`;
export const walletLacks = (method: string) => `This wallet has no ${method}(): update it to use this route`;
export const tooLarge = (param: string, max: number) => `${param} is larger than ${max} bytes`;
export const modelNotFound = (model: string) => `The model '${model}' does not exist or is not granted to this site`;
export const systemInPrompt = () => "A 'system' message is only allowed first in initialPrompts";
export const noSystemAfterFirst = () => "The 'system' message must be the first of initialPrompts";
export const illegalConstructor = () => 'Illegal constructor: use LanguageModel.create()';
export const badRole = (role: unknown) => `Unknown role '${String(role)}': expected 'system', 'user' or 'assistant'`;
export const badMessage = () => 'A prompt message must be an object with role and content';
export const prefixNotLast = () => 'Only the last message, from the assistant, may be a prefix';
export const unsupportedInput = (type: unknown) => `byok does not take '${String(type)}' input`;
export const unsupportedImage = () => 'An image must be an https: or data: URL string, a URL or a Blob';
export const unsupportedConstraint = () => 'responseConstraint must be a JSON Schema object; a RegExp is not supported';
export const unavailable = () => 'The byok wallet cannot serve these options (text in and out only)';
