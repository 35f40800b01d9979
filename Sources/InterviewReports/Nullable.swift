import InterviewCore

/// An optional that a JSON document always writes: `null` when absent, so every key of a
/// report is present and tools need no special cases. The synthesized `Encodable` of a
/// report type writes it under the property's name; a plain optional would be left out.
@propertyWrapper
public struct Nullable<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
