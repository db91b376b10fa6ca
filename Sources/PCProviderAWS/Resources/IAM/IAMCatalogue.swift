extension AWSTypeCatalogue {
    /// The IAM and Secrets Manager types.
    static let identityResources: [any AWSResourceType] = [
        IAMRoleResource(),
        IAMRolePolicyResource(),
        IAMRolePolicyAttachmentResource(),
        IAMInstanceProfileResource(),
        SecretsManagerSecretResource(),
        SecretsManagerSecretVersionResource(),
    ]
}
