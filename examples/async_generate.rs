//! Generate an agent from a local image, wait for it and download its model,
//! on the async client. Run: `BITHUMAN_API_SECRET=… cargo run --example async_generate -- face.jpg`
//! (`BITHUMAN_API_BASE=http://127.0.0.1:PORT` for `bithuman sandbox serve`).
use bithuman::media::{self, MediaKind};
use bithuman::wait::{WaitOptions, WaitOutcome};
use bithuman::{ApiSecret, Client, Destination, DownloadOptions, GenerateRequest};
use std::time::{Duration, Instant};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = std::env::var("BITHUMAN_API_BASE").unwrap_or(bithuman::DEFAULT_BASE_URL.into());
    let client = Client::builder(&base)
        .secret(ApiSecret::new(std::env::var("BITHUMAN_API_SECRET")?))
        .build()?;
    let face = std::env::args().nth(1).unwrap_or("face.jpg".into());
    let mut request = GenerateRequest::new("essence-1");
    request.prompt = Some("You are a concierge.".into());
    request.image = Some(media::resolve(
        &face,
        MediaKind::Image,
        &mut std::io::empty(),
    )?);
    let created = client
        .create_agent(&request, &bithuman::new_idempotency_key(), None)
        .await?;
    let options = WaitOptions::new(Duration::from_secs(5), Some(Duration::from_secs(30 * 60)));
    let outcome = client
        .wait_agent(&created.agent_id, &options, |r| eprintln!("{}", r.status()))
        .await;
    let WaitOutcome::Ready(_) = outcome else {
        return Err(format!("{outcome:?}").into());
    };
    let options = DownloadOptions::new().deadline(Instant::now() + Duration::from_secs(600));
    let saved = client
        .download_model(
            &created.agent_id,
            Destination::Path("models/".into()),
            &options,
            |_| {},
        )
        .await?;
    println!("saved {:?}", saved.path);
    Ok(())
}
