/// Building ARNs for objects whose API replies do not carry one (EC2's VPCs,
/// subnets, security groups), as Terraform reports them.
enum AWSARN {
    /// `aws`, `aws-cn` or `aws-us-gov`, from the region name.
    static func partition(forRegion region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    /// `arn:<partition>:<service>:<region>:<account>:<resource>`; IAM ARNs
    /// pass an empty region.
    static func make(service: String, region: String, account: String, resource: String) -> String {
        let partitionRegion = region.isEmpty ? "us-east-1" : region
        return "arn:\(partition(forRegion: partitionRegion)):\(service):\(region):\(account):\(resource)"
    }
}
