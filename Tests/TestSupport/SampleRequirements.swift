/// Requirements that pass the requirements gate, as YAML for `ddbmodel new --requirements` and
/// the conversation tests of the design stage: the design engine's e-commerce scenario (users,
/// products, orders, order items; unique usernames and emails; a search pattern).
public enum SampleRequirements {
    /// The design engine's e-commerce scenario, read from its file (so there is one copy).
    public static var ecommerceYAML: String {
        get throws { try WorkedScenarios.yaml("ecommerce") }
    }

    /// Devices listed by a two-valued state at 20,000 RPS: the hottest state value takes about
    /// 5,000 read units/s, over the 3,000 a partition serves, so the design gate must refuse
    /// the model until it is sharded.
    public static let hotPartitionYAML = """
    overview:
      domain: device fleet
      business_context: Devices report their state; the dashboard lists devices by state.
      expected_users: 1k
      peak_rps: 20000
    entities:
      - name: Device
        owner: fleet
        identifier: device_id
        item_count: 100k
        attributes:
          - device_id:string:36
          - {name: state, type: string, size: 8, distinct_values: 2}
          - name:string:40
    access_patterns:
      - {description: Get device, entities: [Device], type: read, equality: [device_id], sort: none, filter: [], items: 1, peak_rps: 100, average_rps: 10, consistency: eventual, latency: none, attributes: all}
      - {description: List devices by state, entities: [Device], type: read, equality: [state], sort: none, filter: [], items: avg 20 max 50, peak_rps: 20000, average_rps: 5000, consistency: eventual, latency: none, attributes: all}
      - {description: Create device, entities: [Device], type: write, equality: [], sort: none, filter: [], items: 1, peak_rps: 10, average_rps: 1, consistency: strong, latency: none, attributes: all}
    """
}
