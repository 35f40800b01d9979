/// The events of a session, in order. Stored in chunks so that a snapshot handed to the
/// saver shares every full chunk: appending while the saver still holds an older
/// snapshot copies at most one chunk, not the whole log. In JSON it is a plain array.
public struct EventLog: RandomAccessCollection, Hashable, Sendable, Codable {
    static let chunkSize = 512
    private var chunks: [[SessionEvent]] = []
    public private(set) var count = 0

    public init() {}

    public init<S: Sequence>(_ events: S) where S.Element == SessionEvent {
        for event in events { append(event) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> SessionEvent {
        chunks[position / Self.chunkSize][position % Self.chunkSize]
    }

    public mutating func append(_ event: SessionEvent) {
        if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkSize {
            var chunk: [SessionEvent] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(event)
        count += 1
    }

    public init(from decoder: any Decoder) throws {
        self.init(try [SessionEvent](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for chunk in chunks { try container.encode(contentsOf: chunk) }
    }

    public static func == (a: EventLog, b: EventLog) -> Bool { a.count == b.count && a.elementsEqual(b) }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(last)
    }
}
