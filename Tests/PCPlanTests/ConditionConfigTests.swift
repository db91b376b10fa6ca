import PCConfig
import PCDiagnostics
import Testing

/// How `precondition` and `postcondition` blocks are read: what loading
/// rejects before anything is planned (so `pcplan validate` finds it), in
/// Terraform's terms.
@Suite("Preconditions and postconditions when loading")
struct ConditionConfigTests {
    /// A configuration, and the "code|summary|text of the subject" of each
    /// problem loading it must report, in order.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var problems: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "both arguments present: no problem", source: """
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = var.x > 0
                  error_message = "x must be positive"
                }
                postcondition {
                  condition     = self.input == var.x
                  error_message = "input is ${self.input}"
                }
              }
            }
            variable "x" {}
            """, problems: []),
        Case(name: "a missing error_message", source: """
            resource "pcplan_data" "a" {
              lifecycle {
                postcondition {
                  condition = self.id != ""
                }
              }
            }
            """, problems: ["config.missing-argument|Missing required argument|postcondition"]),
        Case(name: "a missing condition", source: """
            output "o" {
              value = 1
              precondition {
                error_message = "never"
              }
            }
            """, problems: ["config.missing-argument|Missing required argument|precondition"]),
        Case(name: "a condition that refers to nothing checks nothing", source: """
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = true
                  error_message = "always"
                }
                postcondition {
                  condition     = length([for n in [1, 2] : n]) == 2
                  error_message = "for variables are not references"
                }
              }
            }
            """, problems: [
                "config.invalid-condition|Invalid precondition expression|true",
                "config.invalid-condition|Invalid postcondition expression|length([for n in [1, 2] : n]) == 2",
            ]),
        Case(name: "an output precondition that refers to nothing", source: """
            output "o" {
              value = 1
              precondition {
                condition     = 1 == 1
                error_message = "x"
              }
            }
            """, problems: ["config.invalid-condition|Invalid precondition expression|1 == 1"]),
        Case(name: "self in a precondition or an output precondition", source: """
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = self.input == "x"
                  error_message = "self in pre"
                }
              }
            }
            output "o" {
              value = 1
              precondition {
                condition     = self.value == 1
                error_message = "self in output"
              }
            }
            """, problems: [
                "eval.invalid-reference|Invalid \"self\" reference|self",
                "eval.invalid-reference|Invalid \"self\" reference|self",
            ]),
        Case(name: "outputs have no postconditions", source: """
            variable "x" {}
            output "o" {
              value = var.x
              postcondition {
                condition     = var.x == 1
                error_message = "x"
              }
            }
            """, problems: ["config.unsupported-block|Unsupported block type|postcondition"]),
        Case(name: "a data source's lifecycle holds conditions only", source: """
            variable "x" {}
            data "test_lookup" "r" {
              key = var.x
              lifecycle {
                create_before_destroy = true
                precondition {
                  condition     = var.x != ""
                  error_message = "empty"
                }
              }
            }
            """, problems: ["config.unsupported-argument|Unsupported argument|create_before_destroy"]),
    ]

    @Test(arguments: cases)
    func loading(_ testCase: Case) throws {
        let fixture = try PlannerFixture(files: ["main.pcl": testCase.source])
        let (module, diagnostics) = ConfigLoader(workingDirectory: fixture.directory).load(directory: ".")
        let found = diagnostics.map { diagnostic -> String in
            let subject = diagnostic.subject.flatMap { range in diagnostic.file.map { String($0.text(in: range)) } } ?? ""
            return "\(diagnostic.code.id)|\(diagnostic.summary)|\(subject)"
        }
        #expect(found == testCase.problems)
        if testCase.problems.isEmpty {
            let lifecycle = try #require(module.resources.values.first?.lifecycle)
            #expect(lifecycle.preconditions.count == 1)
            #expect(lifecycle.postconditions.count == 1)
        }
    }

    @Test("conditions are kept on resources, data sources and outputs")
    func kept() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            variable "x" {}
            data "test_lookup" "r" {
              key = var.x
              lifecycle {
                postcondition {
                  condition     = self.value != ""
                  error_message = "empty"
                }
              }
            }
            output "o" {
              value = var.x
              precondition {
                condition     = var.x != ""
                error_message = "x is empty"
              }
              precondition {
                condition     = length(var.x) < 10
                error_message = "x is long"
              }
            }
            """])
        let (module, diagnostics) = ConfigLoader(workingDirectory: fixture.directory).load(directory: ".")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.detail))")
        #expect(module.resources[ResourceAddress(mode: .data, type: "test_lookup", name: "r")]?.lifecycle.postconditions.count == 1)
        #expect(module.outputs["o"]?.preconditions.count == 2)
    }
}
