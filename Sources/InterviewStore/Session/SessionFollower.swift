#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore

/// Follows a live session through its file, for a candidate's view (the mirror): reads
/// the file again when it changed, and moves a running clock on between saves by the
/// time since the change was seen, on a clock it is given (never the file's date, which
/// `touch` can move and which goes on ageing after the program died). When the file
/// stops changing and no program holds the session's lock, the interviewer's program is
/// not running: the clocks stand where they last were on screen (not where the file left
/// them, seconds earlier: a clock that jumped back would tell the candidate nothing true),
/// and the view says so.
public struct SessionFollower: Sendable {
    /// What is known of the file without reading it: enough to tell that it changed.
    public struct Stamp: Hashable, Sendable {
        public var modified: Double
        public var size: Int
        public var inode: UInt64
        public init(modified: Double, size: Int, inode: UInt64) {
            self.modified = modified
            self.size = size
            self.inode = inode
        }
    }

    /// Where a follower gets the file from: the file system, or a script in tests.
    public struct Source: Sendable {
        public var stamp: @Sendable (String) -> Stamp?
        public var read: @Sendable (String) throws(InputError) -> SessionFile
        public var isHeld: @Sendable (String) -> Bool

        public init(stamp: @escaping @Sendable (String) -> Stamp?, read: @escaping @Sendable (String) throws(InputError) -> SessionFile,
                    isHeld: @escaping @Sendable (String) -> Bool) {
            self.stamp = stamp
            self.read = read
            self.isHeld = isHeld
        }

        public static let files = Source(
            stamp: { path in
                var info = stat()
                // A regular file only: a FIFO named like a session would hang the read.
                guard stat(path, &info) == 0, info.st_mode & 0o170000 == 0o100000 else { return nil }
                return Stamp(modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, size: Int(info.st_size),
                             inode: UInt64(info.st_ino))
            },
            read: { path throws(InputError) in try SessionStore.read(path) },
            isHeld: { SessionLock.isHeld(session: $0) })
    }

    /// What the candidate's screen shows.
    public enum Model: Hashable, Sendable {
        case following(CandidateView, running: Bool)
        case waiting(String)
    }

    /// Past this without a change and without a holder, the program is taken as gone.
    /// The live program saves at least every 5 seconds while its clocks run.
    public static let staleAfter = 12.0

    public let path: String
    let source: Source
    private var stamp: Stamp?
    private var file: SessionFile?
    private var questions: [Question] = []
    private var state: SessionState?
    private var changedAt = 0.0
    /// The session clock last shown while the program ran.
    private var shownAt = 0.0
    private var failure: String?

    public init(path: String, source: Source = .files) {
        self.path = path
        self.source = source
    }

    /// The view at monotonic time `now`, reading the file again if it changed.
    public mutating func poll(now: Double) -> Model {
        switch follow(now: now) {
        case .waiting(let text):
            return .waiting(text)
        case .following(let file, let state, let t, let running, _):
            let clocks = file.candidateClock.flatMap(CandidateView.Clocks.init(rawValue:)) ?? .question
            return .following(CandidateView(questions: questions, durationSeconds: file.bank.durationSeconds, state: state, at: t,
                                            clocks: clocks),
                              running: running)
        }
    }

    /// What the file says at monotonic time `now`: the session, its fold, the session
    /// clock to show it at, whether its program runs, and how long the file has not changed.
    public enum Followed: Sendable {
        case following(SessionFile, SessionState, at: Double, running: Bool, quietSeconds: Double)
        case waiting(String)
    }

    /// The session as last read, reading the file again if it changed.
    public mutating func follow(now: Double) -> Followed {
        let current = source.stamp(path)
        if current == nil {
            stamp = nil
            file = nil
            // No path on this screen: it is shared, and a session's file name carries a name.
            return .waiting("Waiting for the interview: its session file is not there yet. It appears when the interview starts.")
        }
        if current != stamp {
            stamp = current
            changedAt = now
            shownAt = 0
            do {
                let read = try source.read(path)
                if read.id != file?.id { questions = read.bankQuestions }
                file = read
                state = read.finalState
                failure = nil
            } catch {
                file = nil
                failure = "Waiting: the session file cannot be read yet (\(error.message)). Retrying."
            }
        }
        guard let file, let state else { return .waiting(failure ?? "Waiting for the interview.") }
        let quiet = now - changedAt
        let running = quiet < Self.staleAfter || source.isHeld(path)
        // Between saves the clock runs on, but never past what a live program would have saved by then.
        let t = running ? file.clockSeconds + min(max(0, quiet), Self.staleAfter) : max(file.clockSeconds, shownAt)
        if running { shownAt = t }
        return .following(file, state, at: t, running: running, quietSeconds: max(0, quiet))
    }
}
