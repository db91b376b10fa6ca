extension AWSTypeCatalogue {
    /// The EFS and classic load balancer types.
    static let storageResources: [any AWSResourceType] = [
        EFSFileSystemResource(),
        EFSMountTargetResource(),
        ELBResource(),
    ]
}
