/// Values by key, up to a number of bytes: when a new one does not fit, the oldest go
/// first. Not synchronised; the caches that use it hold it under their lock.
struct BoundedCache<Value: Sendable>: Sendable {
    let maximumBytes: Int
    private var values: [String: (value: Value, bytes: Int)] = [:]
    private var order: [String] = []
    private var bytes = 0

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    subscript(key: String) -> Value? { values[key]?.value }

    var count: Int { values.count }

    /// Caches `value` as `size` bytes, unless the key is cached already or it alone is too big.
    mutating func insert(_ value: Value, key: String, size: Int) {
        guard size <= maximumBytes, values[key] == nil else { return }
        while bytes + size > maximumBytes, !order.isEmpty {
            bytes -= values.removeValue(forKey: order.removeFirst())?.bytes ?? 0
        }
        values[key] = (value, size)
        order.append(key)
        bytes += size
    }
}
