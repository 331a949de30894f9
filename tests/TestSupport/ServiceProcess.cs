using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PushInventory.TestSupport;

/// <summary>
/// A real service process (a built host dll run with <c>dotnet</c>), listening on a free loopback port,
/// its output kept for the failure message. Disposing kills the process tree.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    ServiceProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    /// <summary>A short name for messages.</summary>
    public string Name { get; }

    /// <summary>Where it listens.</summary>
    public Uri Address { get; }

    /// <summary>Everything it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The repository root (the folder holding PushInventory.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Release or Debug, whichever the tests themselves were built as.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The built dll of a host project, e.g. <c>services/Stock/Stock.Host</c>.</summary>
    public static string DllOf(string projectFolder)
    {
        var name = Path.GetFileName(projectFolder);
        var dll = Path.Combine(RepositoryRoot, projectFolder, "bin", Configuration, "net10.0", $"PushInventory.{name}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {projectFolder} ({Configuration}) first: {dll} is missing.");
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the host of <paramref name="projectFolder"/> with <paramref name="environment"/> and waits until <c>/health</c> answers.
    /// The address goes as <c>--urls</c>, or only as the <c>ASPNETCORE_URLS</c> environment variable when <paramref name="urlsFromEnvironment"/> is set.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string name, string projectFolder, IDictionary<string, string> environment, TimeSpan? startTimeout = null, int? port = null, bool urlsFromEnvironment = false)
    {
        var dll = DllOf(projectFolder);
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        if (urlsFromEnvironment)
        {
            info.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        }
        else
        {
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process, address);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.WaitAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited with code {process.ExitCode}:\n{service.Tail()}");
                }

                try
                {
                    return (await http.GetAsync(new Uri(address, "/health"))).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
            }, startTimeout ?? TimeSpan.FromSeconds(90), $"{name} to be healthy at {address}");
        }
        catch (TimeoutException ex)
        {
            await service.DisposeAsync();
            throw new TimeoutException($"{ex.Message}\n{service.Tail()}", ex);
        }

        return service;
    }

    /// <summary>The last lines it printed.</summary>
    public string Tail(int lines = 60)
    {
        var all = Output.Split('\n');
        return $"--- {Name} output (last {Math.Min(lines, all.Length)} lines) ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Stops the process and everything it started.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // It did not die in time; the OS reaps it when the test run ends.
        }

        _process.Dispose();
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PushInventory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PushInventory.sln not found above " + AppContext.BaseDirectory);
    }
}
