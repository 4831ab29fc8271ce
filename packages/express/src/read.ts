export { readProperty as read } from '@faultline/core/adapter';
