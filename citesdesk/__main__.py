from citesdesk.cli import main

raise SystemExit(main())
