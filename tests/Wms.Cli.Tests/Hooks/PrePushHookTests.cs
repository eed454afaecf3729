using System.Text.RegularExpressions;
using Wms.Core.Hooks;
using Xunit;

namespace Wms.Cli.Tests.Hooks;

/// <summary>The pre-push hook installed by `wms hooks install`, exercised by real `git push` to a bare repository.</summary>
public sealed partial class PrePushHookTests
{
    [Fact]
    public async Task A_push_to_main_that_adds_data_goes_to_a_data_branch_instead()
    {
        using var git = new GitSandbox();
        git.Commit("README.md", "hello\n", "start");
        await Install(git);
        Assert.Equal(0, git.TryGit("push", "-q", "origin", "main").ExitCode);
        var mainBefore = git.RemoteRef("main");

        git.Commit("data/images/meter_1.jpg", "photo bytes", "add a photo");
        var (code, _, stderr) = git.TryGit("push", "origin", "main");

        Assert.NotEqual(0, code);
        Assert.Equal(mainBefore, git.RemoteRef("main"));
        var branch = Assert.Single(git.RemoteBranches(), b => b.StartsWith("data/", StringComparison.Ordinal));
        Assert.Matches(DataBranch(), branch);
        Assert.Equal(git.Head, git.RemoteRef(branch));
        Assert.Contains($"pushed to the new branch '{branch}' on 'origin' instead", stderr);
        Assert.Contains("push to main is refused", stderr);
        Assert.Contains("what happens next", stderr);
    }

    [Fact]
    public async Task Pushes_without_data_changes_and_pushes_of_data_branches_pass_untouched()
    {
        using var git = new GitSandbox();
        git.Commit("data/images/meter_1.jpg", "photo", "data from before the hook");
        git.TryGit("push", "-q", "origin", "main");
        await Install(git);

        git.Commit("src/code.cs", "// code", "code only");
        Assert.Equal(0, git.TryGit("push", "-q", "origin", "main").ExitCode);
        Assert.Equal(git.Head, git.RemoteRef("main"));

        // Deleting data is not adding or changing it.
        git.Git(git.Work, "rm", "-q", "data/images/meter_1.jpg");
        git.Git(git.Work, "commit", "-q", "-m", "remove a photo");
        Assert.Equal(0, git.TryGit("push", "-q", "origin", "main").ExitCode);

        git.Commit("data/images/meter_2.jpg", "photo 2", "more data");
        Assert.Equal(0, git.TryGit("push", "-q", "origin", "HEAD:refs/heads/data/20250101-120000").ExitCode);
        Assert.Equal(0, git.TryGit("push", "-q", "origin", "HEAD:refs/heads/feature").ExitCode);
        Assert.Equal(git.Head, git.RemoteRef("data/20250101-120000"));
        Assert.NotEqual(git.Head, git.RemoteRef("main"));
    }

    [Fact]
    public async Task The_first_push_of_main_with_data_is_redirected_too()
    {
        using var git = new GitSandbox();
        await Install(git, ("Data:Folders:0", "datasets/training/"), ("Data:Folders:1", "more data"));
        git.Commit("more data/x.png", "mask", "first commit has data");

        var (code, _, stderr) = git.TryGit("push", "origin", "main");

        Assert.NotEqual(0, code);
        Assert.Null(git.RemoteRef("main"));
        Assert.Contains("under datasets/training/, more data/", stderr);
        Assert.Single(git.RemoteBranches(), b => DataBranch().IsMatch(b));
    }

    [Fact]
    public async Task The_protected_branch_is_configurable()
    {
        using var git = new GitSandbox();
        git.Commit("README.md", "x", "start");
        git.TryGit("push", "-q", "origin", "main");
        await Install(git, ("Hooks:Branch", "release"));

        git.Commit("data/a.jpg", "a", "data");
        Assert.NotEqual(0, git.TryGit("push", "-q", "origin", "main:release").ExitCode);
        Assert.Null(git.RemoteRef("release"));
        Assert.Equal(0, git.TryGit("push", "-q", "origin", "main").ExitCode);
    }

    [Fact]
    public async Task A_foreign_hook_is_kept_unless_forced()
    {
        using var git = new GitSandbox();
        var hook = Path.Combine(git.Work, ".git", "hooks", "pre-push");
        File.WriteAllText(hook, "#!/bin/sh\nexit 0\n");

        var refused = await CliRunner.RunAsync(git.Work, "hooks", "install");
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Equal("#!/bin/sh\nexit 0\n", File.ReadAllText(hook));

        var forced = await CliRunner.RunAsync(git.Work, "hooks", "install", "--force");
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.Contains(PrePushHookScript.Marker, File.ReadAllText(hook));
        Assert.Equal("#!/bin/sh\nexit 0\n", File.ReadAllText(hook + ".backup"));
        // Reinstalling over our own hook needs no --force.
        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync(git.Work, "hooks", "install")).ExitCode);
    }

    [Fact]
    public async Task Outside_a_git_repository_install_fails_clearly()
    {
        using var temp = new Wms.Tests.Shared.TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "hooks", "install");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("not a git repository", result.Stderr);
    }

    private static async Task Install(GitSandbox git, params (string Key, string Value)[] settings)
    {
        var result = await CliRunner.RunAsync(git.Work, ["hooks", "install"], settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
    }

    [GeneratedRegex(@"^data/\d{8}-\d{6}$")]
    private static partial Regex DataBranch();
}
