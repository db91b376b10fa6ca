extension AWSTypeCatalogue {
    /// The ECS types.
    static let containerResources: [any AWSResourceType] = [
        ECSClusterResource(),
        ECSTaskDefinitionResource(),
        ECSServiceResource(),
    ]
}
