export { createGateway, maskError, type Gateway, type GatewayOptions } from './gateway';
