module projects-service

go 1.26.0

require (
	github.com/clerk/clerk-sdk-go/v2 v2.4.2
	github.com/jackc/pgx/v5 v5.12.0
	github.com/rs/cors v1.11.1
)

require (
	github.com/go-jose/go-jose/v3 v3.0.4 // indirect
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20240606120523-5a60cdf6a761 // indirect
	github.com/jackc/puddle/v2 v2.2.3 // indirect
	golang.org/x/crypto v0.19.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/text v0.41.0 // indirect
)
