import PCConfig
import PCDiagnostics
import PCLang
import PCPlan
import PCProvider
import Testing

/// `precondition` and `postcondition` blocks while planning, with the
/// outcomes Terraform 1.11 gives for the same configurations (checked with
/// `terraform_data`, pcplan's `pcplan_data`).
@Suite("Preconditions and postconditions when planning")
struct ConditionPlanTests {
    /// One configuration and what planning it must report.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        /// Expected problems as "code|text of the subject|piece of the detail", in order.
        var problems: [String]
        var mode: Plan.Mode = .normal
        var files: [String: String] = [:]

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a precondition known false at plan time fails the plan", source: """
            variable "x" {
              default = 0
            }
            resource "pcplan_data" "a" {
              input = var.x
              lifecycle {
                precondition {
                  condition     = var.x > 1
                  error_message = "x must be > 1, got ${var.x}."
                }
              }
            }
            """, problems: ["plan.precondition-failed|var.x > 1|x must be > 1, got 0.\n\nThis was checked by the condition at main.pcl:8, for pcplan_data.a."]),
        Case(name: "a precondition that holds lets the plan through", source: """
            variable "x" {
              default = 3
            }
            resource "pcplan_data" "a" {
              input = var.x
              lifecycle {
                precondition {
                  condition     = var.x > 1
                  error_message = "x must be > 1"
                }
              }
            }
            """, problems: []),
        Case(name: "each counted instance is checked with its own count.index", source: """
            variable "x" {
              default = 3
            }
            resource "pcplan_data" "a" {
              count = 3
              input = var.x + count.index
              lifecycle {
                precondition {
                  condition     = var.x + count.index < 4
                  error_message = "too big at ${count.index}"
                }
              }
            }
            """, problems: [
                "plan.precondition-failed|var.x + count.index < 4|too big at 1\n\nThis was checked by the condition at main.pcl:9, for pcplan_data.a[1].",
                "plan.precondition-failed|var.x + count.index < 4|too big at 2\n\nThis was checked by the condition at main.pcl:9, for pcplan_data.a[2].",
            ]),
        Case(name: "for_each instances see each.key and each.value", source: """
            resource "pcplan_data" "a" {
              for_each = { small = 1, large = 9 }
              input    = each.value
              lifecycle {
                precondition {
                  condition     = each.value < 5
                  error_message = "${each.key} is ${each.value}"
                }
              }
            }
            """, problems: ["plan.precondition-failed|each.value < 5|large is 9\n\nThis was checked by the condition at main.pcl:6, for pcplan_data.a[\"large\"]."]),
        Case(name: "a postcondition sees the planned object as self", source: """
            resource "pcplan_data" "a" {
              count = 2
              input = 3 + count.index
              lifecycle {
                postcondition {
                  condition     = self.input == 3
                  error_message = "post: ${self.input}"
                }
              }
            }
            """, problems: ["plan.postcondition-failed|self.input == 3|post: 4\n\nThis was checked by the condition at main.pcl:6, for pcplan_data.a[1]."]),
        Case(name: "a postcondition on what only apply knows waits for apply", source: """
            resource "pcplan_data" "a" {
              input = "x"
              lifecycle {
                postcondition {
                  condition     = self.id == "nope"
                  error_message = "id is ${self.id}"
                }
              }
            }
            """, problems: []),
        Case(name: "a precondition on another object's unknown attribute waits for apply", source: """
            resource "pcplan_data" "a" {
              input = "x"
            }
            resource "pcplan_data" "b" {
              input = "y"
              lifecycle {
                precondition {
                  condition     = pcplan_data.a.id == "nope"
                  error_message = "a is ${pcplan_data.a.id}"
                }
              }
            }
            """, problems: []),
        Case(name: "self is not there yet in a precondition", source: """
            resource "pcplan_data" "a" {
              input = 1
              lifecycle {
                precondition {
                  condition     = self == null || var.never == 1
                  error_message = "unused"
                }
              }
            }
            variable "never" {
              default = 0
            }
            """, problems: ["eval.invalid-reference|self|self is the object a postcondition checks"]),
        Case(name: "a root output's precondition is checked with its value", source: """
            resource "pcplan_data" "a" {
              input = 3
            }
            output "o" {
              value = pcplan_data.a.input
              precondition {
                condition     = pcplan_data.a.input > 10
                error_message = "o small: ${pcplan_data.a.input}"
              }
            }
            output "p" {
              value = pcplan_data.a.id
              precondition {
                condition     = pcplan_data.a.id == "x"
                error_message = "not known until apply"
              }
            }
            """, problems: ["plan.output-precondition-failed|pcplan_data.a.input > 10|o small: 3\n\nThis was checked by the condition at main.pcl:7."]),
        Case(name: "a child module's output precondition names the module", source: """
            module "m" {
              source = "./m"
              y      = 3
            }
            """, problems: ["plan.output-precondition-failed|var.y > 5|child output: y is 3\n\nThis was checked by the condition at ./m/main.pcl:5, for output \"q\" of module.m."],
            files: ["m/main.pcl": """
                variable "y" {}
                output "q" {
                  value = var.y
                  precondition {
                    condition     = var.y > 5
                    error_message = "child output: y is ${var.y}"
                  }
                }
                """]),
        Case(name: "a condition that is a number is not a bool", source: """
            variable "n" {
              default = 5
            }
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = var.n
                  error_message = "unused"
                }
              }
            }
            """, problems: ["plan.invalid-condition-result|var.n|must be true or false, but this one is a number"]),
        Case(name: "a null condition is neither true nor false", source: """
            variable "n" {
              default = null
            }
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = var.n
                  error_message = "unused"
                }
              }
            }
            """, problems: ["plan.invalid-condition-result|var.n|not null"]),
        Case(name: "a string that says false converts to false", source: """
            variable "n" {
              default = 5
            }
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = "${var.n == 0}"
                  error_message = "string condition"
                }
              }
            }
            """, problems: ["plan.precondition-failed|\"${var.n == 0}\"|string condition"]),
        Case(name: "an error evaluating the condition is reported as that error", source: """
            variable "t" {
              default = "abc"
            }
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = tonumber(var.t) > 1
                  error_message = "unused"
                }
              }
            }
            """, problems: ["eval.invalid-function-argument|var.t|cannot convert \"abc\" to number"]),
        Case(name: "a sensitive error message is not shown", source: """
            variable "s" {
              default   = "hunter2"
              sensitive = true
            }
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = var.s == "nope"
                  error_message = "the secret is ${var.s}"
                }
              }
            }
            """, problems: ["plan.precondition-failed|var.s == \"nope\"|(the error message refers to sensitive values, so it is not shown)"]),
        Case(name: "an error message that is a number is shown as text", source: """
            variable "n" {
              default = 5
            }
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = var.n == 0
                  error_message = var.n
                }
              }
            }
            """, problems: ["plan.precondition-failed|var.n == 0|5\n\nThis was checked"]),
        Case(name: "a refresh-only plan only warns", source: """
            variable "x" {
              default = 0
            }
            resource "pcplan_data" "a" {
              lifecycle {
                precondition {
                  condition     = var.x > 1
                  error_message = "x too small"
                }
              }
            }
            """, problems: ["warning plan.precondition-failed|var.x > 1|x too small"], mode: .refreshOnly),
        Case(name: "a data source's postcondition checks what it read", source: """
            data "test_lookup" "r" {
              key = "region"
              lifecycle {
                precondition {
                  condition     = var.want != ""
                  error_message = "want is empty"
                }
                postcondition {
                  condition     = self.value == var.want
                  error_message = "read ${self.value}"
                }
              }
            }
            variable "want" {
              default = "zz"
            }
            """, problems: ["plan.postcondition-failed|self.value == var.want|read value-of-region\n\nThis was checked by the condition at main.pcl:9, for data.test_lookup.r."]),
        Case(name: "a data source's failed precondition stops its read", source: """
            data "test_lookup" "r" {
              key = var.want
              lifecycle {
                precondition {
                  condition     = var.want != ""
                  error_message = "want is empty"
                }
                postcondition {
                  condition     = self.value == "never"
                  error_message = "read ${self.value}"
                }
              }
            }
            variable "want" {
              default = ""
            }
            """, problems: ["plan.precondition-failed|var.want != \"\"|want is empty"]),
    ]

    @Test(arguments: cases)
    func planning(_ testCase: Case) throws {
        var files = testCase.files
        files["main.pcl"] = testCase.source
        let fixture = try PlannerFixture(files: files)
        let (plan, diagnostics) = try fixture.plan(
            mode: testCase.mode, providers: BuiltinProvider.all(workingDirectory: fixture.directory) + [TestProvider()])
        let found = diagnostics.map { diagnostic -> String in
            let subject = diagnostic.subject.flatMap { range in diagnostic.file.map { String($0.text(in: range)) } } ?? ""
            return "\(diagnostic.severity == .warning ? "warning " : "")\(diagnostic.code.id)|\(subject)|\(diagnostic.detail)"
        }
        #expect(found.count == testCase.problems.count, "\(found)")
        for (expected, actual) in zip(testCase.problems, found) {
            let parts = expected.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let actualParts = actual.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            #expect(actualParts[0] == parts[0], "\(actual)")
            #expect(actualParts[1] == parts[1], "\(actual)")
            #expect(actualParts[2].contains(parts[2]), "\(actual)")
        }
        #expect((plan != nil) == !diagnostics.hasErrors)
        #expect(!found.joined().contains("hunter2"), "a sensitive value leaked into a message")
    }

    @Test("a condition that names another resource makes the instance wait for it")
    func conditionsAreDependencies() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              input = "x"
            }
            resource "pcplan_data" "b" {
              input = "y"
              lifecycle {
                postcondition {
                  condition     = pcplan_data.a.output == "x"
                  error_message = "a is not ready"
                }
              }
            }
            resource "pcplan_data" "c" {
              input = "z"
            }
            """])
        let (plan, diagnostics) = try fixture.plan()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        let result = try #require(plan)
        #expect(result.change("pcplan_data.b")?.dependencies == ["pcplan_data.a"])
        #expect(result.change("pcplan_data.c")?.dependencies == [])
    }

    @Test("a failed precondition of one instance leaves the others planned")
    func otherInstancesStillPlanned() throws {
        let fixture = try PlannerFixture(files: ["main.pcl": """
            resource "pcplan_data" "a" {
              count = 2
              input = count.index
              lifecycle {
                precondition {
                  condition     = count.index == 0
                  error_message = "only the first"
                }
                postcondition {
                  condition     = self.input == 0
                  error_message = "postcondition of a failed precondition was checked"
                }
              }
            }
            """])
        let (plan, diagnostics) = try fixture.plan()
        #expect(plan == nil)
        #expect(diagnostics.map(\.code) == [.preconditionFailed], "\(diagnostics.map(\.detail))")
    }
}
