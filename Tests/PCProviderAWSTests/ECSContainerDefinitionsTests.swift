import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// The container_definitions normalisation: what AWS reads back against
/// what configurations say, and the planning built on it. No endpoint
/// needed.
struct ECSContainerDefinitionsTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var configured: String
        var reported: String
        var networkMode: String?
        var equivalent: Bool
        var description: String { name }
    }

    /// Configurations against AWS's (and moto's) read-backs.
    static let cases: [Case] = [
        Case(name: "moto's read-back adds cpu 0, essential and empty lists",
             configured: #"[{"name":"web","image":"nginx","memory":128}]"#,
             reported: #"[{"name":"web","image":"nginx","cpu":0,"memory":128,"portMappings":[],"essential":true,"environment":[],"mountPoints":[],"volumesFrom":[]}]"#,
             equivalent: true),
        Case(name: "AWS's read-back adds systemControls, secrets and ulimits as empty lists",
             configured: #"[{"name":"web","image":"nginx","memory":128}]"#,
             reported: #"[{"name":"web","image":"nginx","cpu":0,"memory":128,"essential":true,"systemControls":[],"secrets":[],"ulimits":[],"dockerLabels":{}}]"#,
             equivalent: true),
        Case(name: "key order does not matter",
             configured: #"[{"memory":128,"image":"nginx","name":"web"}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128}]"#,
             equivalent: true),
        Case(name: "environment is compared sorted by name",
             configured: #"[{"name":"web","image":"nginx","memory":128,"environment":[{"name":"B","value":"1"},{"name":"A","value":"2"}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"environment":[{"name":"A","value":"2"},{"name":"B","value":"1"}]}]"#,
             equivalent: true),
        Case(name: "a changed environment value is a change",
             configured: #"[{"name":"web","image":"nginx","memory":128,"environment":[{"name":"A","value":"3"}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"environment":[{"name":"A","value":"2"}]}]"#,
             equivalent: false),
        Case(name: "secrets are compared sorted by name",
             configured: #"[{"name":"web","image":"nginx","memory":128,"secrets":[{"name":"Z","valueFrom":"arn:z"},{"name":"P","valueFrom":"arn:p"}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"secrets":[{"name":"P","valueFrom":"arn:p"},{"name":"Z","valueFrom":"arn:z"}]}]"#,
             equivalent: true),
        Case(name: "bridge: a dynamic host port reads back as 0 with protocol tcp",
             configured: #"[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":80}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}]}]"#,
             networkMode: "bridge", equivalent: true),
        Case(name: "awsvpc: the host port reads back as the container port",
             configured: #"[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":8080}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":8080,"hostPort":8080,"protocol":"tcp"}]}]"#,
             networkMode: "awsvpc", equivalent: true),
        Case(name: "host networking: the host port is the container port",
             configured: #"[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":9000,"hostPort":9000}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":9000,"protocol":"tcp"}]}]"#,
             networkMode: "host", equivalent: true),
        Case(name: "bridge: a static host port is not the dynamic default",
             configured: #"[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":80}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":80,"hostPort":80,"protocol":"tcp"}]}]"#,
             networkMode: "bridge", equivalent: false),
        Case(name: "udp is not tcp",
             configured: #"[{"name":"dns","image":"coredns","memory":64,"portMappings":[{"containerPort":53,"protocol":"udp"}]}]"#,
             reported: #"[{"name":"dns","image":"coredns","memory":64,"portMappings":[{"containerPort":53,"hostPort":0,"protocol":"tcp"}]}]"#,
             equivalent: false),
        Case(name: "quoted numbers are numbers",
             configured: #"[{"name":"web","image":"nginx","memory":"128","cpu":"256","portMappings":[{"containerPort":"80","hostPort":"8080"}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"cpu":256,"portMappings":[{"containerPort":80,"hostPort":8080,"protocol":"tcp"}]}]"#,
             equivalent: true),
        Case(name: "quoted booleans are booleans",
             configured: #"[{"name":"web","image":"nginx","memory":128,"essential":"false","privileged":"true"}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"essential":false,"privileged":true}]"#,
             equivalent: true),
        Case(name: "an environment value that looks like a number stays text",
             configured: #"[{"name":"web","image":"nginx","memory":128,"environment":[{"name":"PORT","value":"8080"}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"environment":[{"name":"PORT","value":8080}]}]"#,
             equivalent: false),
        Case(name: "essential false is kept",
             configured: #"[{"name":"side","image":"busybox","memory":32,"essential":false}]"#,
             reported: #"[{"name":"side","image":"busybox","memory":32,"essential":true}]"#,
             equivalent: false),
        Case(name: "container order does not matter",
             configured: #"[{"name":"b","image":"two","memory":64},{"name":"a","image":"one","memory":64}]"#,
             reported: #"[{"name":"a","image":"one","memory":64},{"name":"b","image":"two","memory":64}]"#,
             equivalent: true),
        Case(name: "a changed image is a change",
             configured: #"[{"name":"web","image":"nginx:1.27","memory":128}]"#,
             reported: #"[{"name":"web","image":"nginx:1.25","memory":128,"essential":true}]"#,
             equivalent: false),
        Case(name: "a real cpu share is not the 0 default",
             configured: #"[{"name":"web","image":"nginx","memory":128}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"cpu":256}]"#,
             equivalent: false),
        Case(name: "entryPoint [\"\"] is not an empty list",
             configured: #"[{"name":"web","image":"nginx","memory":128}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"entryPoint":[""]}]"#,
             equivalent: false),
        Case(name: "mount points read back readOnly false",
             configured: #"[{"name":"web","image":"nginx","memory":128,"mountPoints":[{"sourceVolume":"data","containerPath":"/data"}],"volumesFrom":[{"sourceContainer":"init"}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"mountPoints":[{"sourceVolume":"data","containerPath":"/data","readOnly":false}],"volumesFrom":[{"sourceContainer":"init","readOnly":false}]}]"#,
             equivalent: true),
        Case(name: "a read-only mount point is a change",
             configured: #"[{"name":"web","image":"nginx","memory":128,"mountPoints":[{"sourceVolume":"data","containerPath":"/data"}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"mountPoints":[{"sourceVolume":"data","containerPath":"/data","readOnly":true}]}]"#,
             equivalent: false),
        Case(name: "log configuration reads back with empty secretOptions and options",
             configured: #"[{"name":"web","image":"nginx","memory":128,"logConfiguration":{"logDriver":"json-file"}}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"logConfiguration":{"logDriver":"json-file","options":{},"secretOptions":[]}}]"#,
             equivalent: true),
        Case(name: "nulls written by jsonencode for unset fields",
             configured: #"[{"name":"web","image":"nginx","memory":128,"command":null,"environment":[{"name":"A","value":"1"},null],"healthCheck":null}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"environment":[{"name":"A","value":"1"}]}]"#,
             equivalent: true),
        Case(name: "resourceRequirements values are text in the API",
             configured: #"[{"name":"gpu","image":"cuda","memory":1024,"resourceRequirements":[{"type":"GPU","value":1}]}]"#,
             reported: #"[{"name":"gpu","image":"cuda","memory":1024,"resourceRequirements":[{"type":"GPU","value":"1"}]}]"#,
             equivalent: true),
        Case(name: "health check and ulimit numbers given as text",
             configured: #"[{"name":"web","image":"nginx","memory":128,"healthCheck":{"command":["CMD","true"],"interval":"30","retries":"3"},"ulimits":[{"name":"nofile","softLimit":"1024","hardLimit":"4096"}]}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128,"healthCheck":{"command":["CMD","true"],"interval":30,"retries":3},"ulimits":[{"name":"nofile","softLimit":1024,"hardLimit":4096}]}]"#,
             equivalent: true),
        Case(name: "a removed container is a change",
             configured: #"[{"name":"web","image":"nginx","memory":128}]"#,
             reported: #"[{"name":"web","image":"nginx","memory":128},{"name":"log","image":"fluentbit","memory":64}]"#,
             equivalent: false),
    ]

    @Test(arguments: cases)
    func readBackAgainstConfiguration(_ example: Case) throws {
        #expect(ECSContainerDefinitions.areEquivalent(example.configured, example.reported, networkMode: example.networkMode) == example.equivalent)
        // Symmetric, and the state keeps the configuration's text exactly
        // when equivalent.
        #expect(ECSContainerDefinitions.areEquivalent(example.reported, example.configured, networkMode: example.networkMode) == example.equivalent)
        let reported = try ECSContainerDefinitions.parse(example.reported)
        let recorded = ECSContainerDefinitions.stateText(reported: reported, recorded: example.configured, networkMode: example.networkMode)
        if example.equivalent {
            #expect(recorded == example.configured)
        } else {
            #expect(recorded != example.configured)
            #expect(ECSContainerDefinitions.areEquivalent(recorded, example.reported, networkMode: example.networkMode))
        }
    }

    @Test func theCanonicalFormDropsDefaultsAndSortsKeys() throws {
        let reported = try ECSContainerDefinitions.parse(
            #"[{"name":"web","image":"nginx","cpu":0,"memory":128,"essential":true,"portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}],"environment":[{"name":"B","value":"1"},{"name":"A","value":"2"}],"mountPoints":[],"volumesFrom":[]}]"#)
        #expect(ECSContainerDefinitions.canonicalJSON(reported, networkMode: "bridge")
            == #"[{"environment":[{"name":"A","value":"2"},{"name":"B","value":"1"}],"image":"nginx","memory":128,"name":"web","portMappings":[{"containerPort":80}]}]"#)
    }

    @Test func theRequestUnquotesNumbersAndDropsNulls() throws {
        let request = try ECSContainerDefinitions.request(
            #"[{"name":"web","image":"nginx","memory":"128","command":null,"essential":"true","portMappings":[{"containerPort":"80"}],"environment":[{"name":"PORT","value":"8080"}]}]"#)
        #expect(try request.jsonString()
            == #"[{"environment":[{"name":"PORT","value":"8080"}],"essential":true,"image":"nginx","memory":128,"name":"web","portMappings":[{"containerPort":80}]}]"#)
    }

    @Test(arguments: [
        ("{not json", "it is not valid JSON"),
        (#"{"name":"web"}"#, "not an object"),
        ("[]", "at least one container"),
        (#"["web"]"#, "element 0 must be a container object, not a string"),
        (#"[{"name":"a","image":"x"},{"image":"nginx"}]"#, "container 1 has no \"name\""),
    ])
    func invalidDocumentsAreRefusedWithTheReason(_ text: String, _ reason: String) {
        let error = #expect(throws: ProviderError.self) { try ECSContainerDefinitions.parse(text) }
        #expect(error?.summary == "Invalid container_definitions")
        #expect(error?.detail.contains(reason) == true, "\(error?.detail ?? "")")
        #expect(error?.attribute == ValuePath([.attribute("container_definitions")]))
    }

    // MARK: Names and sizes

    @Test func clusterSpellings() {
        let arn = "arn:aws:ecs:us-east-1:123456789012:cluster/web"
        #expect(ECSIdentifiers.clusterName(arn) == "web")
        #expect(ECSIdentifiers.sameCluster("web", arn))
        #expect(!ECSIdentifiers.sameCluster("api", arn))
        #expect(ECSIdentifiers.cluster(arn, spelledLike: "web") == "web")
        #expect(ECSIdentifiers.cluster(arn, spelledLike: nil) == arn)
        #expect(ECSIdentifiers.cluster(arn, spelledLike: "other") == arn)
    }

    @Test func serviceARNs() {
        let new = ECSIdentifiers.serviceParts("arn:aws:ecs:us-east-1:123456789012:service/web/api")
        #expect(new?.cluster == "web" && new?.name == "api")
        let old = ECSIdentifiers.serviceParts("arn:aws:ecs:us-east-1:123456789012:service/api")
        #expect(old?.cluster == nil && old?.name == "api")
        #expect(ECSIdentifiers.serviceParts("api") == nil)
    }

    @Test func taskDefinitionSpellings() {
        let arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"
        #expect(ECSIdentifiers.sameTaskDefinition("web:3", arn))
        #expect(!ECSIdentifiers.sameTaskDefinition("web:2", arn))
        #expect(!ECSIdentifiers.sameTaskDefinition("web", arn))
        #expect(ECSIdentifiers.taskDefinition(arn, spelledLike: "web:1") == "web:3")
        #expect(ECSIdentifiers.taskDefinition(arn, spelledLike: "web") == "web")
        #expect(ECSIdentifiers.taskDefinition(arn, spelledLike: "api") == arn)
        #expect(ECSIdentifiers.taskDefinition(arn, spelledLike: nil) == arn)
        #expect(ECSTaskDefinitionResource.withoutRevision(arn) == "arn:aws:ecs:us-east-1:123456789012:task-definition/web")
    }

    @Test(arguments: [
        ("1 GB", "1024", ECSTaskDefinitionResource.memoryUnit, true),
        ("0.5gb", "512", ECSTaskDefinitionResource.memoryUnit, true),
        ("2GB", "1024", ECSTaskDefinitionResource.memoryUnit, false),
        ("1 vCPU", "1024", ECSTaskDefinitionResource.cpuUnit, true),
        (".25 vcpu", "256", ECSTaskDefinitionResource.cpuUnit, true),
        ("256", "256", ECSTaskDefinitionResource.cpuUnit, true),
        ("512", "256", ECSTaskDefinitionResource.cpuUnit, false),
    ] as [(String, String, (suffix: String, scale: Double), Bool)])
    func sizesWithUnits(_ configured: String, _ reported: String, _ unit: (suffix: String, scale: Double), _ same: Bool) {
        #expect(ECSTaskDefinitionResource.sameSize(configured, reported, unit: unit) == same)
    }
}
