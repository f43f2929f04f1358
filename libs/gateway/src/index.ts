export { createGateway, maskError, type Gateway, type GatewayOptions } from './gateway';
export { DEMO_LOGIN_PATH, DEMO_USERS_PATH, type DemoLogin, type DemoUser } from './demo-login';
export { maskValueCompletion } from './value-completion';
