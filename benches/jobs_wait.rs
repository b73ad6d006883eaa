//! Waiting for 50 jobs of mixed kinds at once (agents, videos, model adds,
//! gestures) against waiting for 50 agents: polls per job and CPU per
//! minute of waiting, side by side (issue: one engine for every kind must
//! not cost more per job than agents did).
//!
//!     cargo bench --bench jobs_wait
//!
//! Env: JOBS (50), SPEED (sandbox time factor, 0.5), INTERVAL (seconds, 5).
//! Loopback only: it starts its own `bithuman sandbox serve` child process,
//! so the CPU measured (this process's, from /proc/self/stat) is the
//! client's alone. Linux only.

use bithuman::blocking::Client;
use bithuman::wait::{WaitEvent, WaitOptions, WaitOutcome, wait_jobs};
use bithuman::{ApiSecret, GenerateRequest, Job, new_idempotency_key};
use std::io::BufRead;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn env_num(key: &str, default: f64) -> f64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// This process's CPU time (user + system), from /proc/self/stat.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at ')'.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line; after the ')'
    // the state letter is field 3, so they are at 11 and 12 here.
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Duration::from_millis((tick(11) + tick(12)) * 10)
}

struct Measured {
    jobs: usize,
    polls: usize,
    wall: Duration,
    cpu: Duration,
    ready: usize,
}

fn wait_all(client: &Client, jobs: &[Job], interval: Duration) -> Measured {
    let options = WaitOptions::new(interval, Some(Duration::from_secs(30 * 60)));
    let mut polls = 0;
    let (t0, c0) = (Instant::now(), cpu());
    let outcomes = wait_jobs(client, jobs, &options, |e| {
        if let WaitEvent::Polled { .. } = e {
            polls += 1;
        }
    });
    let (wall, cpu_used) = (t0.elapsed(), cpu() - c0);
    Measured {
        jobs: jobs.len(),
        polls,
        wall,
        cpu: cpu_used,
        ready: outcomes
            .iter()
            .filter(|(_, o)| matches!(o, WaitOutcome::Ready(_)))
            .count(),
    }
}

fn agent(client: &Client) -> String {
    let mut r = GenerateRequest::new("essence-1");
    r.prompt = Some("You are a benchmark.".into());
    client
        .create_agent(&r, &new_idempotency_key(), None)
        .expect("create agent")
        .agent_id
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let n = env_num("JOBS", 50.0) as usize;
    let speed = env_num("SPEED", 0.5);
    let interval = Duration::from_secs_f64(env_num("INTERVAL", 5.0));
    let mut sandbox = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args([
            "sandbox",
            "serve",
            "--port",
            "0",
            "--speed",
            &speed.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the sandbox");
    let mut line = String::new();
    std::io::BufReader::new(sandbox.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("sandbox url");
    let base = line.trim().to_string();
    let client = Client::builder(&base)
        .secret(ApiSecret::new("sk_bench_secret".into()))
        .build()
        .expect("client");

    // Baseline: n agents.
    let agents: Vec<Job> = (0..n).map(|_| Job::agent(&agent(&client))).collect();
    let base_run = wait_all(&client, &agents, interval);

    // Mixed: 40 % agents, 30 % videos, 20 % gestures, 10 % model adds, on
    // agents made ready by the baseline.
    let ready: Vec<String> = agents.iter().map(|j| j.id.clone()).collect();
    let mut mixed = Vec::new();
    for i in 0..n {
        let owner = &ready[i % ready.len()];
        let job = match i % 10 {
            0..=3 => Job::agent(&agent(&client)),
            4..=6 => {
                let v = bithuman::video::VideoRequest {
                    agent: owner.clone(),
                    model: "essence-1".into(),
                    input: bithuman::video::VideoInput::Text {
                        text: "Hello from the benchmark, a sentence of a few seconds.".into(),
                        voice: None,
                    },
                };
                Job::video(
                    &client
                        .create_video(&v, &new_idempotency_key())
                        .expect("video")
                        .id,
                )
            }
            7 | 8 => {
                client
                    .create_dynamics(
                        &bithuman::submit::DynamicsRequest::new(owner),
                        &new_idempotency_key(),
                    )
                    .expect("dynamics");
                Job::dynamics(owner)
            }
            _ => {
                client
                    .add_model(
                        &bithuman::submit::AddModelRequest::new(owner, "essence-2"),
                        &new_idempotency_key(),
                    )
                    .expect("add model");
                Job::model(owner, "essence-2")
            }
        };
        mixed.push(job);
    }
    // Gestures and model adds name their agent: follow each agent once.
    mixed.dedup();
    let mixed_run = wait_all(&client, &mixed, interval);
    let _ = sandbox.kill();
    let _ = sandbox.wait();

    let per_min = |m: &Measured| m.cpu.as_secs_f64() * 1000.0 / (m.wall.as_secs_f64() / 60.0);
    let per_job = |m: &Measured| m.polls as f64 / m.jobs as f64;
    println!(
        "# jobs_wait (sandbox speed {speed}, interval {}s)\n",
        interval.as_secs_f64()
    );
    println!("| run | jobs | ready | wall | polls/job | CPU ms/min of waiting |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, m) in [
        ("50 agents (baseline)", &base_run),
        ("mixed kinds", &mixed_run),
    ] {
        println!(
            "| {name} | {} | {} | {:.1} s | {:.2} | {:.0} |",
            m.jobs,
            m.ready,
            m.wall.as_secs_f64(),
            per_job(m),
            per_min(m)
        );
    }
    println!(
        "\nratios mixed/baseline: polls per job per second waited {:.2}x, CPU per minute {:.2}x",
        (per_job(&mixed_run) / mixed_run.wall.as_secs_f64())
            / (per_job(&base_run) / base_run.wall.as_secs_f64()),
        per_min(&mixed_run) / per_min(&base_run).max(1e-9)
    );
}
