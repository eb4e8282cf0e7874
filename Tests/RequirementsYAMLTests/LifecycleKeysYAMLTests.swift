import Requirements
import RequirementsYAML
import Testing

/// `retention` (entities), `busiest_share`, `value_shares` and `null_share` (attributes) and
/// `selects` (access patterns): read with the guided session's rules, refused with a message
/// at the line of the value.
@Suite struct LifecycleKeysYAMLTests {
    static func entity(_ retention: String, attributes: String = "[reading_id:string, recorded_at:datetime, value:number, note:string]") -> String {
        """
        entities:
          - name: Reading
            identifier: reading_id
            retention: \(retention)
            attributes: \(attributes)
        """
    }

    @Test(arguments: [
        ("30 days", Retention.period(RetentionPeriod(days: 30, from: "recorded_at"))),
        ("30 days from recorded_at", Retention.period(RetentionPeriod(days: 30, from: "recorded_at"))),
        ("2 weeks from recorded_at, then archived", Retention.period(RetentionPeriod(days: 14, from: "recorded_at", archived: true))),
        ("{days: 90, from: recorded_at}", Retention.period(RetentionPeriod(days: 90, from: "recorded_at"))),
        ("{days: 7, from: recorded_at, archived: true}", Retention.period(RetentionPeriod(days: 7, from: "recorded_at", archived: true))),
        ("{days: 7}", Retention.period(RetentionPeriod(days: 7, from: "recorded_at"))),
        ("forever", Retention.forever),
    ])
    func retentionIsRead(text: String, expected: Retention) throws {
        let requirements = try loadYAML(Self.entity(text))
        #expect(requirements.entity(named: "Reading")?.retention == expected)
    }

    @Test(arguments: [
        ("30 days from note", "t.yaml:4:16: The retention of Reading counts from note, a string: it must be a date, datetime or number (epoch seconds) attribute that is migrated."),
        ("30 days from sent_at", "t.yaml:4:16: The retention of Reading counts from sent_at, which is not an attribute of Reading: use one of recorded_at."),
        ("soon", "t.yaml:4:16: Give the retention of Reading as a number of days, such as 30 days from created_at, or forever."),
        ("3 fortnights", "t.yaml:4:16: \"fortnights\" is not a unit of time: give the retention of Reading in days, weeks, months or years, such as 30 days from created_at, or forever."),
        ("{days: 0, from: recorded_at}", "t.yaml:4:23: The retention of Reading must be between 1 and 36500 days, found 0."),
        ("{days: many}", "t.yaml:4:23: days in the retention in entity 1 must be a whole number of days such as 30, found 'many'"),
        ("{from: recorded_at}", "t.yaml:4:16: the retention in entity 1 needs days, such as {days: 30, from: created_at}"),
        ("[30]", "t.yaml:4:16: 'retention' in entity 1 must be a number of days (30 days), forever, or {days, from}, found a list"),
    ])
    func badRetentionIsReportedAtItsValue(text: String, message: String) {
        #expect(problems(in: Self.entity(text)) == [message])
    }

    @Test func retentionNeedsADateToCountFrom() {
        #expect(problems(in: Self.entity("30 days", attributes: "[reading_id:string, value:number]"))
            == ["t.yaml:4:16: Reading has no date or datetime attribute to count the retention from: add one (such as created_at:datetime), or answer forever."])
    }

    static func issues(_ status: String, pattern: String = "selects: {status: open}") -> String {
        """
        entities:
          - name: Issue
            identifier: issue_id
            attributes:
              - issue_id:string
              - project_id:string
              - \(status)
              - closed_at:datetime
        access_patterns:
          - description: List a project's open issues
            entities: [Issue]
            type: read
            equality: [project_id, status]
            filter: [closed_at]
            \(pattern)
        """
    }

    @Test func sharesAndSelectionsAreRead() throws {
        let requirements = try loadYAML(Self.issues("{name: status, type: string, busiest_share: 60%, value_shares: {open: 5%, closed: 0.6}, null_share: 1%}",
                                                    pattern: "selects: {status: open, closed_at: null}"))
        let status = try #require(requirements.entity(named: "Issue")?.attribute(named: "status"))
        #expect(status.busiestShare == 0.6)
        #expect(status.valueShares == [ValueShare(value: "open", share: 0.05), ValueShare(value: "closed", share: 0.6), ValueShare(value: nil, share: 0.01)])
        #expect(status.share(of: "open") == 0.05)
        #expect(requirements.pattern(1)?.selects == [SelectedValue(attribute: "status", value: "open"), SelectedValue(attribute: "closed_at", value: nil)])
    }

    @Test(arguments: [
        ("{name: status, type: string, busiest_share: lots}", "t.yaml:7:53: busiest_share in attribute 3 of entity 1 must be a percentage such as 30%, found \"lots\"."),
        ("{name: status, type: string, busiest_share: 150%}", "t.yaml:7:53: busiest_share in attribute 3 of entity 1 must be above 0% and at most 100%, found \"150%\"."),
        ("{name: status, type: string, value_shares: [open]}", "t.yaml:7:52: value_shares in attribute 3 of entity 1 must be a mapping of value to share, such as {open: 5%}, found a list"),
        ("{name: status, type: string, value_shares: {open: 70%, closed: 40%}}", "t.yaml:7:52: the value_shares in attribute 3 of entity 1 add up to more than 100%"),
    ])
    func badSharesAreReported(status: String, message: String) {
        #expect(problems(in: Self.issues(status)).first == message)
    }

    @Test(arguments: [
        ("selects: [status]", "t.yaml:15:14: 'selects' in access pattern 1 must be a mapping of attribute to selected value, such as {status: open} or {returned_at: null}, found a list"),
        ("selects: {title: open}", "t.yaml:15:14: title is not an attribute of Issue; a selected attribute must be one of: issue_id, project_id, status, closed_at."),
        ("selects: {issue_id: x}", "t.yaml:15:14: The pattern selects issue_id = x, but issue_id is neither an equality nor a filter attribute of it: add it to one."),
    ])
    func badSelectionsAreReported(pattern: String, message: String) {
        #expect(problems(in: Self.issues("status:string", pattern: pattern)) == [message])
    }
}
