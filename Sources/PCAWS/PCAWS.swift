// PCAWS: how pcplan speaks to AWS — SigV4 signing, the credentials chain,
// the Query, EC2, JSON 1.1 and REST-JSON protocols, AWS errors and retries.
// It knows nothing about resources; PCProviderAWS builds on it.
