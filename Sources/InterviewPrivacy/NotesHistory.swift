import InterviewCore

/// The notes of a session as a history of lines: every line of every notes event tied
/// to the note line it is a version of (its strand), so that text can be taken out of
/// every version of a line at once, and the events written again so that the fold of
/// every prefix of them is the fold of the original, line for line, with the text out.
///
/// A notes event replaces `removed` lines from line `from` with `lines`: the k-th new
/// line continues the strand of the k-th line it replaces (typing into a line, or
/// splitting it with Enter); lines beyond those start strands of their own.
struct NotesHistory {
    /// A list of notes: a question's, or the closing notes.
    enum Track: Hashable {
        case question(Int)
        case closing
    }

    struct Version: Hashable {
        var event: Int
        var line: Int
    }

    struct Strand {
        var track: Track
        var versions: [Version] = []
        /// Still in the notes after the last event.
        var alive = false
    }

    let events: [SessionEvent]
    private(set) var strands: [Strand] = []
    /// For each event the fold reads as a notes edit, the (strand, version index) of each of its lines.
    private(set) var places: [[(strand: Int, version: Int)]?]
    /// The list each event edits, as the fold reads it (nil: not a notes edit the fold applies).
    private(set) var tracks: [Track?]
    /// The strands of each track's lines after the last event, in order.
    private(set) var final: [Track: [Int]] = [:]

    /// `questionCount`: the questions before the first event (the fold adds one at each
    /// `questionAdded`).
    init(events: [SessionEvent], questionCount: Int) {
        self.events = events
        places = Array(repeating: nil, count: events.count)
        tracks = Array(repeating: nil, count: events.count)
        var current: [Track: [Int]] = [:]
        var questionCount = questionCount
        for (index, event) in events.enumerated() {
            if event.type == .questionAdded { questionCount += 1 }
            guard let track = Self.track(of: event, questionCount: questionCount) else { continue }
            var ids = current[track] ?? []
            let (from, removed) = Self.range(of: event, count: ids.count)
            var placed: [(Int, Int)] = []
            var replacement: [Int] = []
            for k in (event.lines ?? []).indices {
                let strand: Int
                if k < removed {
                    strand = ids[from + k]
                } else {
                    strand = strands.count
                    strands.append(Strand(track: track))
                }
                placed.append((strand, strands[strand].versions.count))
                strands[strand].versions.append(Version(event: index, line: k))
                replacement.append(strand)
            }
            ids.replaceSubrange(from..<(from + removed), with: replacement)
            current[track] = ids
            places[index] = placed
            tracks[index] = track
        }
        for (_, ids) in current {
            for id in ids { strands[id].alive = true }
        }
        final = current
    }

    /// The list an event edits, as the fold reads it; nil for any other event.
    static func track(of event: SessionEvent, questionCount: Int) -> Track? {
        switch event.type {
        case .notesEdited:
            guard let q = event.question, (0..<questionCount).contains(q) else { return nil }
            return .question(q)
        case .closingNotesEdited: return .closing
        default: return nil
        }
    }

    /// `from` and `removed` as the fold clamps them to a list of `count` lines.
    static func range(of event: SessionEvent, count: Int) -> (from: Int, removed: Int) {
        let from = min(max(0, event.from ?? count), count)
        return (from, min(max(0, event.removed ?? 0), count - from))
    }

    func line(_ version: Version) -> NoteLine { events[version.event].lines![version.line] }

    /// Every version of a strand, in order.
    func lines(of strand: Int) -> [NoteLine] { strands[strand].versions.map(line) }

    /// The last version of a strand still in the notes (nil for one deleted).
    func finalLine(of strand: Int) -> NoteLine? {
        strands[strand].alive ? strands[strand].versions.last.map(line) : nil
    }

    /// The events again, each line of a notes event replaced by `replacement[strand][version]`
    /// (nil: the line is out of the notes for its whole life, and every event that edits
    /// it leaves it out), and each line of a notes event the fold ignores by `ignored`.
    /// Events that change nothing are the same values; the count and times never change.
    func rewritten(_ replacement: [[NoteLine?]], ignored: (NoteLine) -> NoteLine?) -> [SessionEvent] {
        var shown: [Track: [NoteLine?]] = [:]
        var out: [SessionEvent] = []
        out.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            guard let placed = places[index], let track = tracks[index] else {
                if event.type == .notesEdited || event.type == .closingNotesEdited, let lines = event.lines {
                    var copy = event
                    copy.lines = lines.compactMap(ignored)
                    out.append(copy == event ? event : copy)
                } else {
                    out.append(event)
                }
                continue
            }
            var list = shown[track] ?? []
            let (from, removed) = Self.range(of: event, count: list.count)
            let newLines = placed.map { replacement[$0.strand][$0.version] }
            let newFrom = list[..<from].lazy.filter { $0 != nil }.count
            let newRemoved = list[from..<(from + removed)].lazy.filter { $0 != nil }.count
            list.replaceSubrange(from..<(from + removed), with: newLines)
            shown[track] = list
            let kept = newLines.compactMap { $0 }
            if kept == event.lines ?? [], newFrom == from, newRemoved == removed {
                out.append(event)
            } else {
                var copy = event
                copy.from = newFrom
                copy.removed = newRemoved
                copy.lines = kept
                out.append(copy)
            }
        }
        return out
    }

    /// The replacement that changes nothing.
    var identity: [[NoteLine?]] { strands.indices.map { lines(of: $0).map(Optional.some) } }

    /// How many characters (Unicode scalars) a replacement takes out: per strand, the most
    /// any of its versions loses.
    func charactersRemoved(by replacement: [[NoteLine?]]) -> Int {
        var total = 0
        for strand in strands.indices {
            var most = 0
            for (k, old) in lines(of: strand).enumerated() {
                let new = replacement[strand][k]?.text.unicodeScalars.count ?? 0
                most = max(most, old.text.unicodeScalars.count - new)
            }
            total += most
        }
        return total
    }
}
