/// A saved session on its own time line: the state at any moment, found from the
/// nearest checkpoint of the fold instead of refolding every event from the start.
public struct Timeline: Sendable {
    static let checkpointEvery = 256

    public let file: SessionFile
    /// The file's own events: no copy (a 20,000-event session is replayed in its own log).
    public var events: EventLog { file.events }
    /// `checkpoints[k]` is the state after the first `k * checkpointEvery` events.
    private let checkpoints: [SessionState]
    public let end: Double

    public init(_ file: SessionFile) {
        self.file = file
        let events = file.events
        var checkpoints: [SessionState] = []
        var state = file.initialState
        for (index, event) in events.enumerated() {
            if index % Self.checkpointEvery == 0 { checkpoints.append(state) }
            state.apply(event)
        }
        if events.count % Self.checkpointEvery == 0 { checkpoints.append(state) }
        self.checkpoints = checkpoints
        end = max(file.clockSeconds, events.last?.at ?? 0)
    }

    /// How many events happened at or before `t`.
    public func eventCount(at t: Double) -> Int {
        var low = 0
        var high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].at <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The session as it was at time `t`: the fold of the events up to `t`.
    public func state(at t: Double) -> SessionState {
        let count = eventCount(at: t)
        let checkpoint = count / Self.checkpointEvery
        var state = checkpoints[checkpoint]
        for event in events[(checkpoint * Self.checkpointEvery)..<count] { state.apply(event) }
        return state
    }

    /// The time of the first event after `t` that `matches`, or of the last before it.
    public func next(after t: Double, where matches: (SessionEvent) -> Bool = { _ in true }) -> Double? {
        events[eventCount(at: t)...].first(where: matches)?.at
    }

    public func previous(before t: Double, where matches: (SessionEvent) -> Bool = { _ in true }) -> Double? {
        var index = eventCount(at: t) - 1
        while index >= 0 {
            if events[index].at < t, matches(events[index]) { return events[index].at }
            index -= 1
        }
        return nil
    }

    public static func isQuestionChange(_ event: SessionEvent) -> Bool {
        event.type == .questionOpened || event.type == .wrapUp || event.type == .started
    }

    public static func isNote(_ event: SessionEvent) -> Bool {
        event.type == .notesEdited || event.type == .closingNotesEdited
    }
}
