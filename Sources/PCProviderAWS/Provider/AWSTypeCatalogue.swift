/// Every AWS resource and data source type the provider offers. A new
/// resource type is one file under `Resources/` plus one entry in its
/// group's list (`Resources/*/…Catalogue.swift`); a data source is one file
/// under `DataSources/` plus one entry below.
enum AWSTypeCatalogue {
    static let resources: [any AWSResourceType] = computeResources + containerResources + identityResources + storageResources

    static let dataSources: [any AWSDataSourceType] = [
        CallerIdentityDataSource(),
        RegionDataSource(),
        VPCDataSource(),
        SubnetsDataSource(),
        SSMParameterDataSource(),
    ]
}
