using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wms.Core;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Workflows;

/// <summary>Every `wms` call in .github/ is a command and options the real `wms` accepts, and the repository files it names exist.</summary>
public sealed class WorkflowCommandTests
{
    private static readonly string Root = TestEnvironment.RepositoryRoot;

    public static TheoryData<string> Calls()
    {
        var data = new TheoryData<string>();
        foreach (var call in WorkflowCommands.All(Root)) data.Add(call.ToString());
        return data;
    }

    [Fact]
    public void The_workflows_call_wms()
    {
        var calls = WorkflowCommands.All(Root);
        Assert.Contains(calls, c => c.Arguments[0] == "train");
        Assert.Contains(calls, c => c.Arguments[0] == "gate");
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void Each_call_parses_against_the_real_command_tree(string call)
    {
        var command = WorkflowCommands.All(Root).First(c => c.ToString() == call);
        using var temp = new TempDirectory();
        var parsed = BuildRoot(temp.Path).Parse([.. command.Arguments]);

        Assert.True(parsed.Errors.Count == 0, $"{call}\n{string.Join("\n", parsed.Errors.Select(e => e.Message))}");
        Assert.False(parsed.CommandResult.Command.Subcommands.Count > 0, $"{call}: names a command group, not a command");
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void Config_files_a_call_names_are_in_the_repository(string call)
    {
        var arguments = WorkflowCommands.All(Root).First(c => c.ToString() == call).Arguments;
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            if (arguments[i] == "--config")
                Assert.True(File.Exists(Path.Combine(Root, arguments[i + 1])), $"{call}: {arguments[i + 1]} is not in the repository");
        }
    }

    private static RootCommand BuildRoot(string workspace)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = workspace, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection();
        builder.Services.AddWmsCli();
        builder.Services.AddSingleton(new Workspace(workspace));
        var host = builder.Build();
        return CommandTree.Build(host.Services);
    }
}
