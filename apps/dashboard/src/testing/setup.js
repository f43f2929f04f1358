// jsdom lacks a few browser APIs the dashboard uses; the tests give it small stand-ins.
const { TextEncoder, TextDecoder } = require('node:util');
const { webcrypto } = require('node:crypto');

if (!globalThis.TextEncoder) globalThis.TextEncoder = TextEncoder;
if (!globalThis.TextDecoder) globalThis.TextDecoder = TextDecoder;
if (!globalThis.crypto || !globalThis.crypto.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
if (!globalThis.requestAnimationFrame) globalThis.requestAnimationFrame = (fn) => setTimeout(fn, 0);
if (typeof window !== 'undefined') window.scrollTo = () => undefined;

// On a loaded machine (CI on two cores) a page may take longer than testing-library's default second to render: findBy* waits up to five.
require('@testing-library/dom').configure({ asyncUtilTimeout: 5000 });
