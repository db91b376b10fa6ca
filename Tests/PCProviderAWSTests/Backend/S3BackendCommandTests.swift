import Foundation
import PCAWS
import PCHTTP
import Testing

/// `backend "s3"` from the command line, against moto with signatures
/// checked: apply, a no-op plan, the state commands and destroy all work on
/// the shared state; a wrong bucket or table is reported at its setting
/// before anything is planned; a held lock names its holder.
@Suite(.serialized, .motoServer)
struct S3BackendCommandTests {
    static let configuration = """
        pcplan {
          backend "s3" {
            bucket         = "team-state"
            key            = "prod/pcplan.state"
            region         = "us-east-1"
            dynamodb_table = "pcplan-locks"
            encrypt        = true
          }
        }

        resource "pcplan_data" "web" {
          count = 3
          input = "web-${count.index}"
        }

        output "names" {
          value = pcplan_data.web[*].input
        }

        """

    /// A workspace pointed at a fresh moto, with the bucket and lock table.
    private func workspace() throws -> (ModuleWorkspace, AWSClient) {
        let moto = try MotoServer.forTest()
        let workspace = try ModuleWorkspace()
        workspace.use(moto)
        var options = HTTPClientOptions()
        options.proxy = .none
        let aws = AWSClient(
            credentials: AWSCredentials(
                accessKeyID: moto.credentials.accessKeyID, secretAccessKey: moto.credentials.secretAccessKey, source: "the test harness"),
            region: "us-east-1",
            endpointOverrides: [AWSService.s3.endpointKey: moto.endpoint, AWSService.dynamoDB.endpointKey: moto.endpoint],
            http: HTTPClient(options: options), retry: ProviderFixture.quickRetries)
        _ = try S3Client(aws).createBucket("team-state")
        _ = try aws.dynamoDB.createTable("pcplan-locks", hashKey: "LockID")
        try workspace.write("team/main.pcl", Self.configuration)
        return (workspace, aws)
    }

    @Test func applyPlanStateAndDestroyWorkOnTheSharedState() throws {
        let (workspace, aws) = try workspace()
        let applied = workspace.pcplan(["apply", "-auto-approve", "-no-color"], in: "team")
        try #require(applied.status == 0, "\(applied)")
        #expect(applied.output.contains("Apply complete! Resources: 3 added"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("team/pcplan.state.db")), "no local state file")

        let again = workspace.pcplan(["plan", "-detailed-exitcode", "-no-color"], in: "team")
        #expect(again.status == 0, "\(again)")
        #expect(workspace.pcplan(["state", "list"], in: "team").output == "pcplan_data.web[0]\npcplan_data.web[1]\npcplan_data.web[2]\n")
        let pulled = workspace.pcplan(["state", "pull"], in: "team")
        #expect(pulled.output.contains("\"serial\""), "\(pulled)")
        #expect(workspace.pcplan(["output", "-json", "names"], in: "team").output.contains("web-2"))
        // After the run: the head and one snapshot, all encrypted; the lock released.
        let keys = try S3Client(aws).listObjects("team-state")
        #expect(keys.count == 2 && keys.contains("prod/pcplan.state"), "\(keys)")
        for key in keys {
            #expect(try S3Client(aws).headObject("team-state", key)?.serverSideEncryption == "AES256")
        }

        let destroyed = workspace.pcplan(["destroy", "-auto-approve", "-no-color"], in: "team")
        #expect(destroyed.status == 0, "\(destroyed)")
        #expect(workspace.pcplan(["state", "list"], in: "team").output == "")
    }

    @Test func aHeldLockNamesItsHolderAndForceUnlockClearsIt() throws {
        let (workspace, aws) = try workspace()
        // A holder that died: its lock stays in the table.
        let stale = DynamoDBLock(
            id: "0b4c2f1e-dead-4bad-9f00-000000000001", operation: "apply", who: "ci@runner-7", version: "0.9.0",
            created: Date(timeIntervalSince1970: 1_763_900_000), path: "team-state/prod/pcplan.state", host: "runner-7", pid: 4242)
        guard case .acquired = try DynamoDBLockTable(client: aws, table: "pcplan-locks").acquire(stale) else {
            Issue.record("could not plant the stale lock")
            return
        }
        let refused = workspace.pcplan(["apply", "-auto-approve", "-no-color"], in: "team")
        #expect(refused.status == 1)
        #expect(refused.error.contains("ci@runner-7") && refused.error.contains("0b4c2f1e-dead-4bad-9f00-000000000001"), "\(refused)")
        let unlocked = workspace.pcplan(["force-unlock", "-force", "0b4c2f1e-dead-4bad-9f00-000000000001"], in: "team")
        #expect(unlocked.status == 0, "\(unlocked)")
        #expect(workspace.pcplan(["apply", "-auto-approve"], in: "team").status == 0)
    }

    @Test(arguments: [
        ("\"team-state\"", "\"no-such-bucket\"", "main.pcl:3:", "does not exist"),
        ("\"pcplan-locks\"", "\"no-such-table\"", "main.pcl:6:", "does not exist"),
        ("region         = \"us-east-1\"", "region         = \"eu-west-1\"", "main.pcl:5:", "us-east-1"),
        ("region         = \"us-east-1\"", "region         = \"us-east-1\"\n    role_arn       = \"arn:aws:iam::123456789012:role/x\"", "main.pcl:6:", "not supported"),
    ])
    func aBadSettingIsReportedAtItBeforePlanning(replacing: String, with: String, location: String, message: String) throws {
        let (workspace, _) = try workspace()
        try workspace.write("team/main.pcl", Self.configuration.replacingOccurrences(of: replacing, with: with))
        let result = workspace.pcplan(["plan", "-no-color"], in: "team")
        #expect(result.status == 1)
        #expect(result.error.contains(location) && result.error.contains(message), "\(result)")
        #expect(!result.output.contains("Plan:"))
    }

    /// Five `pcplan apply` processes started together on one state: one
    /// applies, each of the others fails naming the holder, and afterwards
    /// the state is whole and a plan has nothing to do.
    @Test func fiveAppliesAtOnceMakeOneApplyAndFourRefusals() throws {
        let (workspace, _) = try workspace()
        let pcplan = try PlanExamplesScript.builtPCPlan()
        var environment = workspace.environment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        var runs: [(Process, String)] = []
        for index in 0..<5 {
            let log = workspace.path("apply-\(index).log")
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: log))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pcplan)
            process.arguments = ["apply", "-auto-approve", "-no-color"]
            process.currentDirectoryURL = URL(fileURLWithPath: workspace.path("team"))
            process.environment = environment
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            runs.append((process, log))
        }
        for (process, _) in runs { try process.run() }
        let deadline = Date().addingTimeInterval(120)
        for (process, _) in runs {
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let outcomes = try runs.map { (process, log) in (process.terminationStatus, try String(contentsOfFile: log, encoding: .utf8)) }
        let applied = outcomes.filter { $0.0 == 0 }
        let refused = outcomes.filter { $0.0 != 0 }
        #expect(applied.count == 1, "\(outcomes.map(\.1))")
        #expect(applied.first?.1.contains("Apply complete! Resources: 3 added") == true)
        for (_, text) in refused {
            #expect(text.contains("Error acquiring the state lock") || text.contains("locked"), "\(text)")
            #expect(text.contains("apply") && text.contains("@"), "the holder's operation and who: \(text)")
        }
        #expect(workspace.pcplan(["state", "list"], in: "team").output == "pcplan_data.web[0]\npcplan_data.web[1]\npcplan_data.web[2]\n")
        #expect(workspace.pcplan(["plan", "-detailed-exitcode"], in: "team").status == 0)
    }

    /// `kill -9` in the middle of applies on the S3 backend, at several
    /// moments: after each, force-unlock and apply again converge, with every
    /// resource recorded once and a plan with nothing to do.
    @Test(arguments: [150, 400, 900])
    func killedAppliesConvergeAfterForceUnlock(afterMilliseconds delay: Int) throws {
        let (workspace, aws) = try workspace()
        let count = 300
        var text = Self.configuration.replacingOccurrences(of: "count = 3", with: "count = \(count)")
        // A chain, so the apply takes long enough to be interrupted.
        text += """
            resource "pcplan_data" "chain" {
              count = 60
              input = count.index == 0 ? "start" : "after-${count.index}"
            }

            """
        try workspace.write("team/main.pcl", text)
        let pcplan = try PlanExamplesScript.builtPCPlan()
        var environment = workspace.environment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pcplan)
        process.arguments = ["apply", "-auto-approve", "-no-color", "-parallelism=4"]
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.path("team"))
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        // A lock left by the killed run is cleared by its ID.
        let locks = DynamoDBLockTable(client: aws, table: "pcplan-locks")
        if let stale = try locks.holder(of: "team-state/prod/pcplan.state") {
            let unlocked = workspace.pcplan(["force-unlock", "-force", stale.id], in: "team")
            try #require(unlocked.status == 0, "\(unlocked)")
        }
        let recorded = workspace.pcplan(["state", "list"], in: "team").output.split(separator: "\n")
        print("[s3-backend] apply killed after \(delay) ms with \(recorded.count) of \(count + 60) resources recorded")
        let resumed = workspace.pcplan(["apply", "-auto-approve", "-no-color"], in: "team")
        try #require(resumed.status == 0, "\(resumed)")
        let addresses = workspace.pcplan(["state", "list"], in: "team").output.split(separator: "\n")
        #expect(addresses.count == count + 60, "recorded before the resume: \(recorded.count)")
        #expect(Set(addresses).count == addresses.count, "an address recorded twice")
        #expect(Set(recorded).isSubset(of: Set(addresses)), "something recorded before the kill was lost")
        #expect(workspace.pcplan(["plan", "-detailed-exitcode"], in: "team").status == 0)
    }

    /// local → S3 → local with `init -migrate-state`: every resource and the
    /// lineage survive both moves; a changed backend without init is
    /// refused instead of planning against an empty state.
    @Test func migratingLocalToS3AndBackKeepsEveryResourceAndTheLineage() throws {
        let (workspace, _) = try workspace()
        let resources = """
            resource "pcplan_data" "web" {
              count = 3
              input = "web-${count.index}"
            }

            """
        let backend = """
            pcplan {
              backend "s3" {
                bucket         = "team-state"
                key            = "prod/pcplan.state"
                dynamodb_table = "pcplan-locks"
              }
            }

            """
        try workspace.write("team/main.pcl", resources)
        #expect(workspace.pcplan(["apply", "-auto-approve"], in: "team").status == 0)
        let lineage = try Self.lineage(of: workspace.pcplan(["state", "pull"], in: "team").output)

        try workspace.write("team/backend.pcl", backend)
        let unready = workspace.pcplan(["plan", "-no-color"], in: "team")
        #expect(unready.status == 1 && unready.error.contains("Backend initialization required"), "\(unready)")
        let toS3 = workspace.pcplan(["init", "-migrate-state", "-no-color"], in: "team")
        try #require(toS3.status == 0, "\(toS3)")
        #expect(toS3.output.contains("to s3://team-state/prod/pcplan.state: 3 objects"))
        #expect(try Self.lineage(of: workspace.pcplan(["state", "pull"], in: "team").output) == lineage)
        #expect(workspace.pcplan(["plan", "-detailed-exitcode"], in: "team").status == 0)

        // Back: the backend block goes, the local file is moved aside.
        try FileManager.default.removeItem(atPath: workspace.path("team/backend.pcl"))
        try FileManager.default.moveItem(atPath: workspace.path("team/pcplan.state.db"), toPath: workspace.path("team/before.db"))
        let toLocal = workspace.pcplan(["init", "-migrate-state", "-no-color"], in: "team")
        try #require(toLocal.status == 0, "\(toLocal)")
        #expect(workspace.pcplan(["state", "list"], in: "team").output == "pcplan_data.web[0]\npcplan_data.web[1]\npcplan_data.web[2]\n")
        #expect(try Self.lineage(of: workspace.pcplan(["state", "pull"], in: "team").output) == lineage)
        let final = workspace.pcplan(["plan", "-detailed-exitcode", "-no-color"], in: "team")
        #expect(final.status == 0, "\(final)")
    }

    static func lineage(of pulled: String) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(pulled.utf8)) as? [String: Any])
        return try #require(object["lineage"] as? String)
    }

    /// Workspaces in S3 live under `<workspace_key_prefix>/NAME/KEY`, each
    /// a state of its own. (moto cannot check signatures of keys with ":",
    /// so this uses a prefix without one instead of Terraform's "env:".)
    @Test func workspacesLiveBesideTheDefaultState() throws {
        let (workspace, aws) = try workspace()
        try workspace.write("team/main.pcl", Self.configuration.replacingOccurrences(
            of: "    encrypt        = true", with: "    encrypt        = true\n    workspace_key_prefix = \"workspaces\""))
        #expect(workspace.pcplan(["apply", "-auto-approve"], in: "team").status == 0)
        let created = workspace.pcplan(["workspace", "new", "staging"], in: "team")
        try #require(created.status == 0, "\(created)")
        #expect(workspace.pcplan(["workspace", "list"], in: "team").output == "  default\n* staging\n")
        #expect(workspace.pcplan(["state", "list"], in: "team").output == "")
        #expect(workspace.pcplan(["apply", "-auto-approve"], in: "team").status == 0)
        let keys = try S3Client(aws).listObjects("team-state")
        #expect(keys.contains("workspaces/staging/prod/pcplan.state"), "\(keys)")
        #expect(workspace.pcplan(["workspace", "select", "default"], in: "team").status == 0)
        #expect(workspace.pcplan(["workspace", "delete", "-force", "staging"], in: "team").status == 0)
        #expect(try S3Client(aws).listObjects("team-state").allSatisfy { !$0.hasPrefix("workspaces/") })
        #expect(workspace.pcplan(["state", "list"], in: "team").output.split(separator: "\n").count == 3)
    }

    @Test func wrongCredentialsAreReportedAtTheBucketBeforePlanning() throws {
        let (workspace, _) = try workspace()
        let refused = workspace.pcplan(["plan", "-no-color"], in: "team", environment: ["AWS_SECRET_ACCESS_KEY": "not-the-secret"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("main.pcl:3:") && refused.error.contains("team-state"), "\(refused)")
        #expect(refused.error.contains("SignatureDoesNotMatch") || refused.error.contains("AccessDenied") || refused.error.contains("403"), "\(refused)")
        #expect(!refused.output.contains("Plan:"))
    }

    @Test func aTruncatedSnapshotIsRefusedAndLeftAsItIs() throws {
        let (workspace, aws) = try workspace()
        #expect(workspace.pcplan(["apply", "-auto-approve"], in: "team").status == 0)
        let s3 = S3Client(aws)
        let snapshot = try #require(try s3.listObjects("team-state").first { $0.hasSuffix(".db") })
        let bytes = try #require(try s3.getObject("team-state", snapshot)?.bytes)
        let truncated = Array(bytes.prefix(bytes.count / 3))
        try s3.putObject("team-state", snapshot, truncated)
        let refused = workspace.pcplan(["plan", "-no-color"], in: "team")
        #expect(refused.status == 1)
        #expect(refused.error.contains(snapshot) && refused.error.contains("not a readable pcplan state"), "\(refused)")
        #expect(try s3.getObject("team-state", snapshot)?.bytes == truncated, "the damaged object is left for inspection")
    }

    /// `use_lockfile = true`: the lock is the object KEY.tflock, made with a
    /// conditional write; a held one names its holder, force-unlock clears
    /// it, and a finished run leaves none.
    @Test func aLockObjectInsteadOfTheTable() throws {
        let (workspace, aws) = try workspace()
        try workspace.write("team/main.pcl", Self.configuration.replacingOccurrences(
            of: "    dynamodb_table = \"pcplan-locks\"", with: "    use_lockfile   = true"))
        #expect(workspace.pcplan(["apply", "-auto-approve"], in: "team").status == 0)
        let s3 = S3Client(aws)
        #expect(try s3.getObject("team-state", "prod/pcplan.state.tflock") == nil, "the lock is released")

        let stale = DynamoDBLock(
            id: "7d1c2f1e-dead-4bad-9f00-000000000002", operation: "apply", who: "ci@runner-9", version: "0.9.0",
            created: Date(timeIntervalSince1970: 1_763_900_000), path: "team-state/prod/pcplan.state", host: "runner-9", pid: 77)
        try s3.putObject("team-state", "prod/pcplan.state.tflock", Array(stale.infoJSON.utf8))
        let refused = workspace.pcplan(["plan", "-no-color"], in: "team")
        #expect(refused.status == 1 && refused.error.contains("ci@runner-9") && refused.error.contains(stale.id), "\(refused)")
        #expect(workspace.pcplan(["force-unlock", "-force", stale.id], in: "team").status == 0)
        #expect(try s3.getObject("team-state", "prod/pcplan.state.tflock") == nil)
        #expect(workspace.pcplan(["plan", "-detailed-exitcode"], in: "team").status == 0)
    }
}
