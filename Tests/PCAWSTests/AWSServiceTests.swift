import PCAWS
import Testing

@Suite struct AWSServiceTests {
    /// botocore 1.43's `metadata` for each model, read from
    /// `data/<service>/<apiVersion>/service-2.json.gz` (see moto.md §3).
    @Test(arguments: [
        (AWSService.ec2, "ec2", "ec2", "ec2", "EC2", AWSService.WireProtocol.ec2, "2016-11-15", ""),
        (AWSService.autoScaling, "autoscaling", "autoscaling", "autoscaling", "Auto Scaling", .query, "2011-01-01", ""),
        (AWSService.elb, "elb", "elasticloadbalancing", "elasticloadbalancing", "Elastic Load Balancing", .query, "2012-06-01", ""),
        (AWSService.iam, "iam", "iam", "iam", "IAM", .query, "2010-05-08", ""),
        (AWSService.sts, "sts", "sts", "sts", "STS", .query, "2011-06-15", ""),
        (AWSService.ecs, "ecs", "ecs", "ecs", "ECS", .json, "2014-11-13", "AmazonEC2ContainerServiceV20141113"),
        (AWSService.ssm, "ssm", "ssm", "ssm", "SSM", .json, "2014-11-06", "AmazonSSM"),
        (AWSService.secretsManager, "secretsmanager", "secretsmanager", "secretsmanager", "Secrets Manager", .json, "2017-10-17", "secretsmanager"),
        (AWSService.efs, "efs", "elasticfilesystem", "elasticfilesystem", "EFS", .restJSON, "2015-02-01", ""),
    ])
    func catalogue(
        service: AWSService, key: String, signingName: String, prefix: String, serviceID: String,
        wireProtocol: AWSService.WireProtocol, apiVersion: String, targetPrefix: String
    ) {
        #expect(service.endpointKey == key)
        #expect(service.signingName == signingName)
        #expect(service.endpointPrefix == prefix)
        #expect(service.serviceID == serviceID)
        #expect(service.wireProtocol == wireProtocol)
        #expect(service.apiVersion == apiVersion)
        #expect(service.targetPrefix == targetPrefix)
        #expect(service.isGlobal == (key == "iam"))
        if wireProtocol == .json { #expect(service.jsonContentType == "application/x-amz-json-1.1") }
        #expect(AWSService.named(endpointKey: key) == service)
    }

    @Test func catalogueIsCompleteAndKeysAreUnique() {
        #expect(AWSService.all.count == 9)
        #expect(Set(AWSService.all.map(\.endpointKey)).count == 9)
        #expect(AWSService.named(endpointKey: "dynamodb") == nil)
    }
}
