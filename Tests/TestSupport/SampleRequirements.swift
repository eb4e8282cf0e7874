/// Requirements that pass the requirements gate, as YAML for `ddbmodel new --requirements` and
/// the conversation tests of the design stage: a copy of the design engine's e-commerce scenario
/// (users, products, orders, order items; unique usernames and emails; a search pattern).
public enum SampleRequirements {
    public static let ecommerceYAML = """
        # E-commerce: users, orders, order items and products, with unique usernames and emails.
        # A copy of Tests/DesignEngineTests/Scenarios/ecommerce.requirements.yaml.
        overview:
          domain: e-commerce
          business_context: >-
            Customers browse products, place orders and follow them. A username and an email
            belong to one user only; an order's lines are fixed once it is placed.
          expected_users: 200k
          peak_rps: 1500

        entities:
          - name: User
            owner: accounts
            identifier: user_id
            unique: [username, email]
            item_count: 200k
            attributes:
              - user_id:string:36
              - username:string:20
              - email:string:40
              - display_name:string:30
              - created_at:datetime

          - name: Product
            owner: catalog
            identifier: product_id
            item_count: 20k
            attributes:
              - product_id:string:36
              - title:string:80
              - category:string:20
              - price:number
              - description:string:1500

          - name: Order
            owner: orders
            identifier: order_id
            attributes:
              - order_id:string:36
              - user_id:string:36
              - {name: status, type: string, size: 10, distinct_values: 4}
              - total:number
              - created_at:datetime

          - name: OrderItem
            owner: orders
            identifier: [order_id, line_number]
            attributes:
              - order_id:string:36
              - line_number:number
              - product_id:string:36
              - product_title:string:80
              - quantity:number
              - unit_price:number

        relationships:
          - parent: User
            child: Order
            cardinality: avg 10 max 2000
            child_exists_without_parent: false
          - parent: Order
            child: OrderItem
            cardinality: avg 3 max 50
            child_exists_without_parent: false
          - parent: Product
            child: OrderItem
            cardinality: avg 150 max unbounded
            child_exists_without_parent: true

        access_patterns:
          - description: Get user by ID
            entities: [User]
            type: read
            equality: [user_id]
            sort: none
            filter: []
            items: 1
            peak_rps: 400
            average_rps: 120
            consistency: eventual
            latency: <20ms
            attributes: all
          - description: Get user by email at sign-in
            entities: [User]
            type: read
            equality: [email]
            sort: none
            filter: []
            items: 1
            peak_rps: 150
            average_rps: 40
            consistency: strong
            latency: <50ms
            attributes: all
          - description: Register user
            entities: [User]
            type: write
            equality: []
            sort: none
            filter: []
            items: 1
            peak_rps: 20
            average_rps: 4
            consistency: strong
            latency: none
            attributes: all
          - description: Change a user's email
            entities: [User]
            type: update
            equality: [user_id]
            sort: none
            filter: []
            items: 1
            peak_rps: 2
            average_rps: 0.5
            consistency: strong
            latency: none
            attributes: [email]
          - description: Get product by ID
            entities: [Product]
            type: read
            equality: [product_id]
            sort: none
            filter: []
            items: 1
            peak_rps: 900
            average_rps: 300
            consistency: eventual
            latency: <20ms
            attributes: all
          - description: List products in a category by price
            entities: [Product]
            type: read
            equality: [category]
            sort: price asc
            filter: []
            items: 25
            peak_rps: 200
            average_rps: 60
            consistency: eventual
            latency: <100ms
            attributes: [product_id, title, price]
          - description: List a user's orders, newest first
            entities: [Order]
            type: read
            equality: [user_id]
            sort: created_at desc
            filter: []
            items: 10
            peak_rps: 120
            average_rps: 30
            consistency: eventual
            latency: <100ms
            attributes: [order_id, status, total, created_at]
          - description: Get order with its items
            entities: [Order, OrderItem]
            type: read
            equality: [order_id]
            sort: none
            filter: []
            items: 1
            peak_rps: 100
            average_rps: 25
            consistency: eventual
            latency: <50ms
            attributes: all
          - description: Place order
            entities: [Order, OrderItem]
            type: write
            equality: []
            sort: none
            filter: []
            items: 1
            peak_rps: 30
            average_rps: 6
            consistency: strong
            latency: none
            attributes: all
          - description: Update order status
            entities: [Order]
            type: update
            equality: [order_id]
            sort: none
            filter: []
            items: 1
            peak_rps: 40
            average_rps: 10
            consistency: strong
            latency: none
            attributes: [status]
          - description: Search products by keyword
            entities: [Product]
            type: search
            equality: []
            sort: none
            filter: []
            items: 20
            peak_rps: 80
            average_rps: 20
            consistency: eventual
            latency: <200ms
            attributes: all

        """

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
