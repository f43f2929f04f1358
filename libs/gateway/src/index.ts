export { createGateway, maskError, type Gateway, type GatewayContext, type GatewayOptions } from './gateway';
export { gatewayOptionsFrom, loadGatewayConfig, type GatewayConfig } from './config';
export { DEMO_LOGIN_PATH, DEMO_USERS_PATH, demoLogin, type DemoLogin, type DemoUser } from './demo-login';
export { maskValueCompletion } from './value-completion';
export { DEFAULT_RATES, limitKeyOf, type LimitKey, type BudgetKind, type Rate, type RateLimitOptions } from './rate-limit';
export { principalOf, type Principal, type PrincipalKind } from './principal';
