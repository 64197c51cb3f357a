/** The authentication and authorization surface the HTTP layer and the server wiring use. */
export { unionAuthenticator, withAuthenticatedGroup, AUTHENTICATED_GROUP, type Authenticator, type AuthenticationRequest, type PeerCert, type UserInfo } from './authenticate.ts';
export { x509Authenticator, type X509AuthenticatorOptions } from './x509-authenticator.ts';
export { serviceAccountAuthenticator, serviceAccountUser, type ServiceAccountAuthenticatorOptions } from './service-account-authenticator.ts';
export { joinTokenAuthenticator, BOOTSTRAP_USER, BOOTSTRAPPERS_GROUP } from './join-token-authenticator.ts';
export { rbacAuthorizer, PRIVILEGED_GROUP, type AuthorizationAttributes, type AuthorizationDecision, type PolicyRule, type RbacAuthorizer, type RbacSource } from './rbac.ts';
export { staticRbacSource } from './rbac-static-source.ts';
export { bootstrapPolicy, AUTOUPDATE_ANNOTATION, BOOTSTRAPPING_LABEL } from './bootstrap-policy.ts';
export { checkNodeRestriction, nodeNameOf, type NodeRestrictionRequest } from './node-restriction.ts';
