#!/usr/bin/env pwsh
# PushInventory build entry point (PowerShell 7, pinned in .config/dotnet-tools.json):
#   dotnet tool restore
#   dotnet pwsh build.ps1 <target> [args...]
# Targets:
#   build             dotnet build PushInventory.sln -c Release
#   test              build once, start local infra if needed (deploy/local/infra.sh), run every
#                     tests/*.Tests project, summarize the TRX files; last line: "N passed, N failed";
#                     a skipped test fails the run (counted as a failure)
#   run               embedded mode: dotnet run --project services/Embedded
#   run-distributed   deploy/local/run-distributed.sh start (needs PUSHINV_ADMIN_KEY)
#   stop-distributed  deploy/local/run-distributed.sh stop
#   bench             dotnet run -c Release --project tests/Push.Benchmarks (if it exists)
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'run', 'run-distributed', 'stop-distributed', 'bench')]
    [string] $Target = 'build',

    [Parameter(Position = 1, ValueFromRemainingArguments = $true)]
    [string[]] $Rest = @()
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false

$Root = $PSScriptRoot
Set-Location $Root
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$Configuration = 'Release'
$Solution = Join-Path $Root 'PushInventory.sln'
$ResultsDir = Join-Path $Root '.artifacts/test-results'

function Write-Step([string] $Message) { Write-Host "==> $Message" -ForegroundColor Cyan }

function Invoke-Build {
    Write-Step "dotnet build PushInventory.sln -c $Configuration"
    & dotnet build $Solution -c $Configuration -nologo | Out-Host
    return $LASTEXITCODE
}

function Invoke-Bash([string] $Script, [string[]] $Arguments) {
    $path = Join-Path $Root $Script
    & bash $path @Arguments | Out-Host
    return $LASTEXITCODE
}

# Starts deploy/local/infra.sh unless connection strings are already provided, and imports its
# `export NAME='value'` lines into this process. Returns $true if this run started the infra.
function Start-InfraIfNeeded {
    if ($env:ConnectionStrings__RabbitMq) {
        Write-Step 'ConnectionStrings__RabbitMq is set: using the infrastructure it points at'
        return $false
    }
    if (-not $IsLinux) {
        Write-Warning 'ConnectionStrings__RabbitMq is not set and local infra scripts need Linux; tests needing RabbitMQ/PostgreSQL will fail or skip.'
        return $false
    }
    $infra = 'deploy/local/infra.sh'
    & bash (Join-Path $Root $infra) status *> $null
    $alreadyRunning = ($LASTEXITCODE -eq 0)
    if ($alreadyRunning) {
        Write-Step 'local infra already running (deploy/local/infra.sh status); it will be left running'
    }
    else {
        # A fresh machine: install RabbitMQ and PostgreSQL from Debian packages first (root, apt).
        if (-not (Test-Path '/usr/lib/rabbitmq/bin/rabbitmq-server') -or -not (Test-Path '/usr/lib/postgresql/15/bin/postgres')) {
            Write-Step 'installing RabbitMQ and PostgreSQL (deploy/local/install-prereqs.sh)'
            & bash (Join-Path $Root 'deploy/local/install-prereqs.sh') | Out-Host
            if ($LASTEXITCODE -ne 0) { throw "deploy/local/install-prereqs.sh failed (exit $LASTEXITCODE)" }
        }
        Write-Step 'starting local infra (deploy/local/infra.sh start)'
        & bash (Join-Path $Root $infra) start | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "deploy/local/infra.sh start failed (exit $LASTEXITCODE)" }
    }
    $lines = & bash (Join-Path $Root $infra) env
    if ($LASTEXITCODE -ne 0) { throw 'deploy/local/infra.sh env failed' }
    foreach ($line in $lines) {
        if ($line -match "^export\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)$") {
            $name = $Matches[1]
            $value = $Matches[2]
            if ($value -match "^'(.*)'$" -or $value -match '^"(.*)"$') { $value = $Matches[1] }
            [Environment]::SetEnvironmentVariable($name, $value)
            Write-Host "    $name"
        }
    }
    return (-not $alreadyRunning)
}

function Stop-Infra {
    Write-Step 'stopping local infra (deploy/local/infra.sh stop)'
    & bash (Join-Path $Root 'deploy/local/infra.sh') stop | Out-Host
}

function Get-TrxSummary([string] $TrxPath) {
    [xml] $trx = Get-Content -LiteralPath $TrxPath -Raw
    $ns = New-Object System.Xml.XmlNamespaceManager($trx.NameTable)
    $ns.AddNamespace('t', 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010')
    $counters = $trx.SelectSingleNode('/t:TestRun/t:ResultSummary/t:Counters', $ns)
    $results = @($trx.SelectNodes('/t:TestRun/t:Results/t:UnitTestResult', $ns))
    if ($null -ne $counters) {
        $get = { param($n) $a = $counters.GetAttribute($n); if ($a) { [int] $a } else { 0 } }
        $passed = & $get 'passed'
        $failed = (& $get 'failed') + (& $get 'error') + (& $get 'timeout') + (& $get 'aborted')
        $total = & $get 'total'
        $skipped = [Math]::Max(0, $total - $passed - $failed)
    }
    else {
        $passed = @($results | Where-Object { $_.outcome -eq 'Passed' }).Count
        $failed = @($results | Where-Object { $_.outcome -in 'Failed', 'Error', 'Timeout', 'Aborted' }).Count
        $skipped = @($results | Where-Object { $_.outcome -eq 'NotExecuted' }).Count
        $total = $results.Count
    }
    # Each failure with the first line of its message, so a CI log that keeps only the summary still says why.
    $failedNames = @($results | Where-Object { $_.outcome -in 'Failed', 'Error', 'Timeout', 'Aborted' } | ForEach-Object {
            $message = $_.SelectSingleNode('t:Output/t:ErrorInfo/t:Message', $ns)
            $why = if ($null -ne $message) { ($message.InnerText -split "`n")[0].Trim() } else { '' }
            if ($why.Length -gt 240) { $why = $why.Substring(0, 240) + '...' }
            if ($why) { "$($_.testName): $why" } else { $_.testName }
        })
    $skippedNames = @($results | Where-Object { $_.outcome -eq 'NotExecuted' } | ForEach-Object { $_.testName })
    return [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped; Total = $total; FailedNames = $failedNames; SkippedNames = $skippedNames }
}

function Invoke-Tests {
    $projects = @(Get-ChildItem -Path (Join-Path $Root 'tests') -Directory -Filter '*.Tests' -ErrorAction SilentlyContinue |
        ForEach-Object { Get-ChildItem -LiteralPath $_.FullName -Filter '*.csproj' -File } |
        Sort-Object FullName)
    if ($projects.Count -eq 0) {
        Write-Host 'no test projects found under tests/*.Tests'
        Write-Host '0 passed, 0 failed'
        return 1
    }

    # Build once. If the solution does not build (e.g. one test project does not compile), build each
    # test project on its own so the others still run; a project that does not build is a failure.
    $slnOk = ((Invoke-Build) -eq 0)
    if (-not $slnOk) { Write-Step 'solution build failed; building each test project on its own' }
    $buildFailed = @{}
    foreach ($p in $projects) {
        $dll = Join-Path $p.DirectoryName "bin/$Configuration/net10.0/PushInventory.$($p.BaseName).dll"
        if (-not $slnOk -or -not (Test-Path $dll)) {
            Write-Step "dotnet build $($p.BaseName)"
            & dotnet build $p.FullName -c $Configuration -nologo | Out-Host
            if ($LASTEXITCODE -ne 0) { $buildFailed[$p.BaseName] = $true }
        }
    }

    New-Item -ItemType Directory -Force -Path $ResultsDir | Out-Null
    $startedInfra = $false
    $rows = @()
    try {
        $startedInfra = Start-InfraIfNeeded
        # No process phones home, the test hosts included (ServiceDefaults switches it off too; this covers every process the tests start).
        $env:MASSTRANSIT_USAGE_TELEMETRY = 'false'
        $hang = if ($env:PUSHINV_TEST_HANG_TIMEOUT) { $env:PUSHINV_TEST_HANG_TIMEOUT } else { '20m' }
        foreach ($p in $projects) {
            $name = $p.BaseName
            if ($buildFailed.ContainsKey($name)) {
                $rows += [pscustomobject]@{ Name = $name; Exit = -1; Trx = $false; Summary = $null; BuildFailed = $true }
                continue
            }
            $trx = Join-Path $ResultsDir "$name.trx"
            Remove-Item -LiteralPath $trx -Force -ErrorAction SilentlyContinue
            Write-Step "dotnet test $name"
            & dotnet test $p.FullName -c $Configuration --no-build `
                --logger "trx;LogFileName=$name.trx" --logger 'console;verbosity=normal' `
                --results-directory $ResultsDir --blame-hang-timeout $hang --blame-hang-dump-type none | Out-Host
            $exit = $LASTEXITCODE
            if (Test-Path -LiteralPath $trx) {
                $s = Get-TrxSummary $trx
                $rows += [pscustomobject]@{ Name = $name; Exit = $exit; Trx = $true; Summary = $s; BuildFailed = $false }
            }
            else {
                $rows += [pscustomobject]@{ Name = $name; Exit = $exit; Trx = $false; Summary = $null; BuildFailed = $false }
            }
        }
    }
    finally {
        if ($startedInfra) { Stop-Infra }
    }

    $passed = 0; $failed = 0; $skippedTotal = 0; $bad = $false
    Write-Host ''
    Write-Host 'Test summary'
    foreach ($r in $rows) {
        if ($r.BuildFailed) {
            Write-Host ("  {0}: BUILD FAILED - counted as 1 failure" -f $r.Name)
            $failed += 1; $bad = $true
            continue
        }
        if (-not $r.Trx) {
            Write-Host ("  {0}: FAILED TO RUN (exit {1}, no TRX produced) - counted as 1 failure" -f $r.Name, $r.Exit)
            $failed += 1; $bad = $true
            continue
        }
        $s = $r.Summary
        $passed += $s.Passed; $failed += $s.Failed
        $note = ''
        if ($s.Failed -gt 0) { $bad = $true }
        elseif ($r.Exit -ne 0) {
            $note = " - dotnet test exited $($r.Exit) without failed tests (crash/abort?), counted as 1 failure"
            $failed += 1; $bad = $true
        }
        if ($s.Skipped -gt 0) {
            # No test may be skipped: a skipped test proves nothing, so each one counts as a failure.
            $note += " - $($s.Skipped) skipped, counted as failures (no test may be skipped)"
            $failed += $s.Skipped; $skippedTotal += $s.Skipped; $bad = $true
        }
        Write-Host ("  {0}: {1} passed, {2} failed, {3} skipped (exit {4}){5}" -f $r.Name, $s.Passed, $s.Failed, $s.Skipped, $r.Exit, $note)
        foreach ($t in $s.FailedNames) { Write-Host "      FAILED: $t" }
        foreach ($t in $s.SkippedNames) { Write-Host "      SKIPPED: $t" }
    }
    if ($passed -eq 0 -and $failed -eq 0) { Write-Host '  no test ran'; $bad = $true }
    if ($skippedTotal -gt 0) { Write-Host "FAILED: $skippedTotal test(s) skipped; no test may be skipped (each counted as a failure above)" }
    Write-Host "$passed passed, $failed failed"
    if ($bad) { return 1 } else { return 0 }
}

$code = 0
switch ($Target) {
    'build' { $code = Invoke-Build }
    'test' { $code = Invoke-Tests }
    'run' {
        & dotnet run --project (Join-Path $Root 'services/Embedded') @Rest
        $code = $LASTEXITCODE
    }
    'run-distributed' { $code = Invoke-Bash 'deploy/local/run-distributed.sh' (@('start') + $Rest) }
    'stop-distributed' { $code = Invoke-Bash 'deploy/local/run-distributed.sh' (@('stop') + $Rest) }
    'bench' {
        $bench = Join-Path $Root 'tests/Push.Benchmarks'
        if (-not (Test-Path $bench)) { Write-Host 'tests/Push.Benchmarks does not exist'; $code = 1 }
        else {
            & dotnet run -c $Configuration --project $bench -- @Rest
            $code = $LASTEXITCODE
        }
    }
}
exit $code
