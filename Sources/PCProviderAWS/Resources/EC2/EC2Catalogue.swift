extension AWSTypeCatalogue {
    /// The security group, launch configuration and auto-scaling group types.
    static let computeResources: [any AWSResourceType] = [
        SecurityGroupResource(),
        LaunchConfigurationResource(),
        AutoScalingGroupResource(),
    ]
}
