import Stoplicht

await Entrypoint.main()
