resource "google_vertex_ai_endpoint" "default" {
  name         = "support-endpoint"
  display_name = "support"
  location     = "us-central1"
}
