using System.Text;

namespace Wms.Core.Hooks;

/// <summary>
/// The git pre-push hook, as a POSIX sh script that needs only git: it works on any machine
/// that can push (no .NET, no `wms` on PATH, nothing to find at push time). Its settings are
/// written into it when it is installed.
/// </summary>
public static class PrePushHookScript
{
    /// <summary>A line that marks the hook as ours, so reinstalling may replace it and nothing else.</summary>
    public const string Marker = "# wms-pre-push-hook";

    public static string Render(string protectedBranch, IReadOnlyList<string> dataFolders)
    {
        if (dataFolders.Count == 0) throw new WmsException("Data:Folders is empty: the hook needs at least one data folder");
        var pathspecs = string.Join(" ", dataFolders.Select(f => Quote(":(top,literal)" + f.Trim().Trim('/'))));
        var folders = string.Join(", ", dataFolders.Select(f => f.Trim().Trim('/') + "/"));
        var script = new StringBuilder(Template)
            .Replace("@BRANCH@", Quote(protectedBranch))
            .Replace("@PATHSPECS@", pathspecs)
            .Replace("@FOLDERS@", Quote(folders))
            .Replace("@MARKER@", Marker);
        return script.ToString();
    }

    /// <summary>Single-quotes a value for sh.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private const string Template = """
        #!/bin/sh
        @MARKER@ (written by `wms hooks install`; run it again to update, delete this file to remove)
        #
        # A push to the protected branch whose commits add or change files under the data
        # folders is sent to a new branch data/YYYYMMDD-HHMMSS (UTC) on the same remote instead,
        # and the push itself is refused. CI picks the data branch up: it validates and merges the
        # new data, trains, gates, deploys and opens a PR back into the protected branch.
        # Other pushes (no data changes, other branches, data branches) pass untouched.
        # Skip the hook for one push with: git push --no-verify

        protected_branch=@BRANCH@
        folders=@FOLDERS@
        remote="$1"
        set -- @PATHSPECS@

        say() { printf 'wms: %s\n' "$*" >&2; }

        # Prints the number of files added or changed under the data folders ($3...) by the
        # commits that go from $2 (the remote's tip, or empty) to $1.
        changed_data_files() {
            tip="$1"
            base="$2"
            shift 2
            if [ -n "$base" ] && git cat-file -e "$base^{commit}" 2>/dev/null; then
                git diff --name-only --no-renames --diff-filter=ACMRT "$base" "$tip" -- "$@" | wc -l
            else
                # A new branch on the remote, or its tip unknown here: every commit the remote
                # does not have yet, each against its parent.
                git rev-list "$tip" --not --remotes="$remote" 2>/dev/null | while read -r commit; do
                    git diff-tree -r --root --no-commit-id --name-only --no-renames --diff-filter=ACMRT "$commit" -- "$@"
                done | sort -u | wc -l
            fi
        }

        status=0
        while read -r local_ref local_sha remote_ref remote_sha; do
            [ "$remote_ref" = "refs/heads/$protected_branch" ] || continue
            case "$local_sha" in *[!0]*) ;; *) continue ;; esac   # deleting the branch
            case "$remote_sha" in *[!0]*) base="$remote_sha" ;; *) base="" ;; esac
            count=$(changed_data_files "$local_sha" "$base" "$@" | tr -d ' ')
            [ "${count:-0}" -gt 0 ] || continue

            branch="data/$(date -u +%Y%m%d-%H%M%S)"
            # </dev/null: git (or ssh under it) must not eat the ref lines this loop reads.
            if ! git push --no-verify --quiet "$remote" "$local_sha:refs/heads/$branch" </dev/null; then
                branch="$branch-$$"
                if ! git push --no-verify --quiet "$remote" "$local_sha:refs/heads/$branch" </dev/null; then
                    say "this push adds or changes $count file(s) under $folders, and sending them to a data branch failed."
                    say "nothing was pushed. Fix the problem above and push again."
                    exit 1
                fi
            fi
            say "this push to $protected_branch adds or changes $count file(s) under $folders."
            say "the commits were pushed to the new branch '$branch' on '$remote' instead; the push to $protected_branch is refused."
            say "what happens next: CI runs the data pipeline on '$branch': it validates the new data, merges it into the"
            say "training set, trains, gates the model against Production and, if it is better, deploys it and opens a pull"
            say "request into $protected_branch that merges itself. Follow that run; $protected_branch gets the data through it."
            say "(other refs in this push were not pushed either; push them separately. To bypass once: git push --no-verify)"
            status=1
        done
        exit $status

        """;
}
