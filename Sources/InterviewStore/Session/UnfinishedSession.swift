#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// An unfinished session as `resume` lists it: whose, when, where it stands within its
/// plan, how long ago it was last written, and whether another program has it open.
public struct UnfinishedSession: Sendable {
    public var path: String
    public var file: SessionFile
    public var lastActivity: Date
    /// Another program holds its lock: it is live in another window, never picked by default.
    public var open: Bool
    /// A rescue copy, to be saved back to its own file.
    public var rescue: Bool

    public init(path: String, file: SessionFile, lastActivity: Date, open: Bool, rescue: Bool) {
        self.path = path
        self.file = file
        self.lastActivity = lastActivity
        self.open = open
        self.rescue = rescue
    }

    /// Where it stands: the question within the plan (`question 2/3`), an extra question,
    /// or wrap-up.
    public var position: String {
        let state = file.finalState
        if state.wrappingUp { return "in wrap-up" }
        guard let number = state.planNumber(state.current) else { return "on an extra question" }
        return "at question \(number)/\(state.order.count)"
    }

    /// One line of the list, every character of it shown.
    public func line(now: Date) -> String {
        let whose = file.candidate.isEmpty ? "no candidate named" : file.candidate
        let minutes = Int(now.timeIntervalSince(lastActivity) / 60)
        let ago = minutes < 1 ? "just now" : minutes < 120 ? "\(minutes) min ago" : "\(minutes / 60) h ago"
        let mode = file.mode == .practice ? ", practice" : ""
        let note = open ? " (open in another window)" : rescue ? " (a rescue copy: resuming it saves it back to its own file)" : ""
        return VisibleText.visible("\(whose)\(mode), started \(ReportText.date(file.startedAt)), \(position), "
                                   + "last activity \(ago): \(path)\(note)")
    }

    /// The unfinished sessions among `paths` (each once), in the list's order. A rescue copy
    /// (`isRescue`) is listed even when it holds an ended interview: it must go back.
    /// `ended`: the files the index of session files holds, as they are now, as completed
    /// interviews: those are not read (the others are, whole: the list shows where each stands).
    public static func find(_ paths: [String], isRescue: (String) -> Bool, ended: Set<String> = []) -> [UnfinishedSession] {
        var seen: Set<String> = []
        return ordered(paths.compactMap { path in
            guard seen.insert(path).inserted, isRescue(path) || !ended.contains(path), SessionStore.isRegularFile(path),
                  let file = try? SessionStore.read(path), file.status != .completed || isRescue(path),
                  let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            else { return nil }
            return UnfinishedSession(path: path, file: file, lastActivity: modified, open: SessionLock.isHeld(session: path),
                                     rescue: isRescue(path))
        })
    }

    /// The order of the list: what can be resumed first, newest activity first.
    public static func ordered(_ sessions: [UnfinishedSession]) -> [UnfinishedSession] {
        sessions.sorted { ($0.open ? 1 : 0, $1.lastActivity) < ($1.open ? 1 : 0, $0.lastActivity) }
    }
}
