import PCState

extension PlanRenderer {
    /// The plan in Terraform's JSON plan format (`terraform show -json
    /// PLANFILE`, format version 1.2), for the tools that already read it:
    /// policy checkers, cost estimators, review bots.
    ///
    /// What follows Terraform exactly (checked against Terraform 1.11):
    /// - Unknown values are left out of objects and written as `null` in
    ///   arrays; `after_unknown` says where they were. A wholly unknown
    ///   `after` (or output value) is omitted.
    /// - Data sources' internal deletes are not listed; drift that changes
    ///   nothing is listed only in refresh-only mode.
    ///
    /// What differs, on purpose or for want of data in `Plan`:
    /// - Sensitive values are written as `null` in `before`, `after`,
    ///   `planned_values`, `prior_state`, `output_changes` and `variables`
    ///   (Terraform writes them in clear); `before_sensitive`,
    ///   `after_sensitive` and `sensitive_values` still say where they are.
    ///   JSON plans are posted to pull requests and kept as CI artifacts, so
    ///   they hold no secrets; the plan file does, as it must to be applied.
    /// - Object keys are sorted everywhere (Terraform writes struct fields in
    ///   declaration order); arrays keep the plan's order.
    /// - `terraform_version` is pcplan's version, also given as
    ///   `pcplan_version`.
    /// - `provider_name` is the provider's source as pcplan records it
    ///   (`pcplan/local`, `hashicorp/aws`), without the registry host
    ///   Terraform adds (`registry.terraform.io/hashicorp/aws`).
    /// - `schema_version` comes from the prior state's record when there is
    ///   one, else 0.
    /// - `configuration`, `relevant_attributes` and `checks` are not written.
    /// - `prior_state` is the state as read before planning; Terraform's also
    ///   carries the root outputs as evaluated by the plan.
    ///
    /// One line of JSON. `priorState` is the state the plan was made
    /// against, written as `prior_state` (and the source of
    /// `schema_version`); nil leaves `prior_state` out.
    public static func json(_ plan: Plan, priorState: StateSnapshot?) -> String {
        PlanJSON.document(plan, priorState: priorState).text
    }

    /// A state in Terraform's JSON state format (`terraform show -json`
    /// without a plan): `format_version`, `terraform_version` and `values`
    /// with the root module, its resources and outputs. Sensitive values are
    /// written as `null` and marked in `sensitive_values`; `pcplan state
    /// pull` is the way to the raw state.
    public static func stateJSON(_ state: StateSnapshot) -> String {
        PlanJSON.priorState(state).text
    }
}
